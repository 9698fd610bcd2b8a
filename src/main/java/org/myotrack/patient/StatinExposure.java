package org.myotrack.patient;

/**
 * Whether the patient has taken a statin (clinical-v2.md R10: anti-HMGCR myopathy is statin-linked, Mammen 2016).
 * {@code UNKNOWN} until someone records it.
 */
public enum StatinExposure {
    NEVER, PAST, CURRENT, UNKNOWN;

    /** How a page shows it: "Never", "Past", "Current", "Unknown". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
