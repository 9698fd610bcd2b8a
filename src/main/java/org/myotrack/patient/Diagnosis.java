package org.myotrack.patient;

/** Clinical subgroup of idiopathic inflammatory myopathy (clinical.md §1). */
public enum Diagnosis {
    /** Dermatomyositis, adult. */
    DM,
    /** Juvenile dermatomyositis: onset before 18. */
    JDM,
    /** Clinically amyopathic or hypomyopathic dermatomyositis. */
    CADM,
    /** Polymyositis. */
    PM,
    /** Immune-mediated necrotising myopathy. */
    IMNM,
    /** Inclusion body myositis. */
    IBM,
    /** Anti-synthetase syndrome. */
    ASYS,
    /** Overlap myositis. */
    OVERLAP,
    /** Juvenile myositis other than JDM: onset before 18. */
    JM_OTHER,
    UNCLASSIFIED;

    /** The subgroup as a physician names it. */
    public String label() {
        return switch (this) {
            case DM -> "dermatomyositis";
            case JDM -> "juvenile dermatomyositis";
            case CADM -> "clinically amyopathic dermatomyositis";
            case PM -> "polymyositis";
            case IMNM -> "immune-mediated necrotising myopathy";
            case IBM -> "inclusion body myositis";
            case ASYS -> "anti-synthetase syndrome";
            case OVERLAP -> "overlap myositis";
            case JM_OTHER -> "juvenile myositis other than JDM";
            case UNCLASSIFIED -> "unclassified myositis";
        };
    }

    /** Whether the subgroup is by definition one of juvenile onset. */
    public boolean isJuvenileSubgroup() {
        return this == JDM || this == JM_OTHER;
    }
}
