package org.myotrack.scoring;

import java.util.List;

/**
 * The IMACS disease-activity core set of one visit (clinical.md §2); every measure may be absent.
 *
 * @param mmt8Max the MMT-8 scale the total was taken on: 80 (unilateral) or 150 (bilateral)
 * @param enzymes muscle enzymes of the visit; null is read as none
 */
public record CoreSetMeasures(
        Double physicianGlobalActivity,
        Double patientGlobalActivity,
        Integer mmt8,
        Integer mmt8Max,
        Integer cmas,
        Double haq,
        Double extramuscularActivity,
        List<EnzymeLevel> enzymes) {

    public CoreSetMeasures {
        if (mmt8Max != null && mmt8Max <= 0) {
            throw new IllegalArgumentException("mmt8Max must be above 0");
        }
        enzymes = enzymes == null ? List.of() : List.copyOf(enzymes);
    }
}
