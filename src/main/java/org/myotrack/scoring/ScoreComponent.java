package org.myotrack.scoring;

/** The six core-set measures that enter the response scores, with the key the API shows them under. */
public enum ScoreComponent {
    PHYSICIAN_GLOBAL_ACTIVITY("physicianGlobalActivity"),
    PATIENT_GLOBAL_ACTIVITY("patientGlobalActivity"),
    MUSCLE_STRENGTH("muscleStrength"),
    PHYSICAL_FUNCTION("physicalFunction"),
    ENZYME("enzyme"),
    EXTRAMUSCULAR_ACTIVITY("extramuscularActivity");

    private final String jsonKey;

    ScoreComponent(String jsonKey) {
        this.jsonKey = jsonKey;
    }

    public String jsonKey() {
        return jsonKey;
    }

    /** Muscle strength (MMT-8, CMAS) is the only measure where a higher value is better. */
    public boolean higherIsBetter() {
        return this == MUSCLE_STRENGTH;
    }
}
