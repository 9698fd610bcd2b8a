package org.myotrack.refractory;

/** The registry's refractory flags and work-up prompts (clinical.md §6, clinical-v2.md R7–R10). */
public enum FlagCode {
    INADEQUATE_RESPONSE(Kind.REFRACTORY),
    GLUCOCORTICOID_DEPENDENCE(Kind.REFRACTORY),
    MULTIPLE_AGENT_FAILURE(Kind.REFRACTORY),
    CONFIRMED_WORSENING(Kind.TRAJECTORY),
    WEAKNESS_WITHOUT_ACTIVITY(Kind.PROMPT),
    ENZYMES_WITHOUT_WEAKNESS(Kind.PROMPT),
    REEVALUATE_DIAGNOSIS(Kind.PROMPT),
    CONSIDER_IBM(Kind.PROMPT),
    STATIN_EXPOSED_HMGCR(Kind.PROMPT);

    /** What a flag says about the patient. */
    public enum Kind {
        /** Makes the patient refractory; once met it stays. */
        REFRACTORY,
        /** Describes the trajectory; once met it stays; does not make the patient refractory. */
        TRAJECTORY,
        /** Judged at the latest visit only; tells the physician what to examine next. */
        PROMPT
    }

    private final Kind kind;

    FlagCode(Kind kind) {
        this.kind = kind;
    }

    /** The flag as a physician reads it on a page or in a report. */
    public String label() {
        return switch (this) {
            case INADEQUATE_RESPONSE -> "Inadequate response";
            case GLUCOCORTICOID_DEPENDENCE -> "Glucocorticoid dependence";
            case MULTIPLE_AGENT_FAILURE -> "Multiple agent failure";
            case CONFIRMED_WORSENING -> "Confirmed worsening";
            case WEAKNESS_WITHOUT_ACTIVITY -> "Weakness without activity";
            case ENZYMES_WITHOUT_WEAKNESS -> "Raised CK without weakness";
            case REEVALUATE_DIAGNOSIS -> "Re-evaluate the diagnosis";
            case CONSIDER_IBM -> "Consider inclusion body myositis";
            case STATIN_EXPOSED_HMGCR -> "Anti-HMGCR with statin exposure";
        };
    }

    public Kind kind() {
        return kind;
    }

    public boolean makesRefractory() {
        return kind == Kind.REFRACTORY;
    }
}
