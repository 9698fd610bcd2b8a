package org.myotrack.investigation;

/** Findings of an investigation; each belongs to exactly one investigation type (clinical.md §2). */
public enum Finding {
    MUSCLE_EDEMA(InvestigationType.MRI),
    FATTY_REPLACEMENT(InvestigationType.MRI),
    ATROPHY(InvestigationType.MRI),
    NORMAL(InvestigationType.MRI, InvestigationType.EMG),
    INFLAMMATORY_INFILTRATES(InvestigationType.BIOPSY),
    PERIFASCICULAR_ATROPHY(InvestigationType.BIOPSY),
    NECROSIS(InvestigationType.BIOPSY),
    MHC1_UPREGULATION(InvestigationType.BIOPSY),
    RIMMED_VACUOLES(InvestigationType.BIOPSY),
    NO_INFLAMMATION(InvestigationType.BIOPSY),
    NONSPECIFIC_MYOPATHIC(InvestigationType.BIOPSY),
    MYOPATHIC(InvestigationType.EMG),
    NEUROGENIC(InvestigationType.EMG);

    private final java.util.Set<InvestigationType> types;

    Finding(InvestigationType first, InvestigationType... more) {
        this.types = java.util.EnumSet.of(first, more);
    }

    /** Whether this finding can be reported by an investigation of the given type. */
    public boolean appliesTo(InvestigationType type) {
        return types.contains(type);
    }
}
