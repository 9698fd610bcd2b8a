package org.myotrack.refractory;

/** The registry's refractory flags and work-up prompts (clinical.md §6). */
public enum FlagCode {
    INADEQUATE_RESPONSE(Kind.REFRACTORY),
    GLUCOCORTICOID_DEPENDENCE(Kind.REFRACTORY),
    MULTIPLE_AGENT_FAILURE(Kind.REFRACTORY),
    CONFIRMED_WORSENING(Kind.TRAJECTORY),
    WEAKNESS_WITHOUT_ACTIVITY(Kind.PROMPT),
    ENZYMES_WITHOUT_WEAKNESS(Kind.PROMPT),
    REEVALUATE_DIAGNOSIS(Kind.PROMPT),
    CONSIDER_IBM(Kind.PROMPT);

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

    public Kind kind() {
        return kind;
    }

    public boolean makesRefractory() {
        return kind == Kind.REFRACTORY;
    }
}
