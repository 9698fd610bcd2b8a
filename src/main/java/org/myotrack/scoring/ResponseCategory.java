package org.myotrack.scoring;

/**
 * Response category of a Total Improvement Score; {@code INCOMPLETE} when a measure is missing at either visit;
 * {@code NOT_VALIDATED} for a complete score in a subgroup where the TIS was not validated (R5).
 */
public enum ResponseCategory {
    NONE, MINIMAL, MODERATE, MAJOR, INCOMPLETE, NOT_VALIDATED;

    /** The category as a page shows it: "none", "moderate", "not validated for the subgroup". */
    public String label() {
        return this == NOT_VALIDATED ? "not validated for the subgroup" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
