package org.myotrack.scoring;

import org.myotrack.patient.Diagnosis;

/**
 * Which response thresholds a patient's Total Improvement Score is read against (R5, clinical-v2.md): the TIS was
 * derived and validated in adult dermatomyositis and polymyositis (Aggarwal et al., Arthritis Rheumatol
 * 2017;69:898–910) and in juvenile dermatomyositis (Rider et al., Arthritis Rheumatol 2017;69:911–923) only.
 */
public enum ResponseCriteria {
    /** Adult DM/PM thresholds: minimal ≥ 20, moderate ≥ 40, major ≥ 60. */
    ADULT,
    /** Juvenile DM thresholds: minimal ≥ 30, moderate ≥ 45, major ≥ 70. */
    JUVENILE,
    /** The score is computed but no category is given: IBM, IMNM, ASYS, OVERLAP, CADM, JM_OTHER, UNCLASSIFIED. */
    NOT_VALIDATED;

    /**
     * R5: JDM takes the juvenile thresholds, DM and PM the adult ones (clinical-v2.md stands over clinical.md §4's
     * "JDM and juvenile patients": Rider 2017 validated the juvenile thresholds in JDM); every other subgroup is not
     * validated.
     */
    public static ResponseCriteria of(Diagnosis diagnosis) {
        return switch (diagnosis) {
            case JDM -> JUVENILE;
            case DM, PM -> ADULT;
            case CADM, IMNM, IBM, ASYS, OVERLAP, JM_OTHER, UNCLASSIFIED -> NOT_VALIDATED;
        };
    }

    /** Whether the score of a patient read against these criteria is given a response category. */
    public boolean validated() {
        return this != NOT_VALIDATED;
    }
}
