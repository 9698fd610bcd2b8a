package org.myotrack.scoring;

/**
 * R2b (clinical-v2.md; registry rule): a relative change from a baseline of 0 is undefined, so a measure that was 0
 * counts as worse only when it rose by at least these absolute amounts. Used by the 30 % route of IMACS worsening
 * and by the "worsened by ≥ 25 %" count of the IMACS definition of improvement.
 *
 * The registry's values are in {@code RuleConfig} (defaults 1.0 cm and 0.25).
 *
 * @param visualAnalogueCm least rise of a 10 cm VAS global from 0 that counts as worse
 * @param haq              least rise of the HAQ/CHAQ from 0 that counts as worse
 */
public record RiseFromZero(double visualAnalogueCm, double haq) {

    /** The least rise from 0 of a measure that counts as worse; strength cannot fall from 0 and enzymes do not enter. */
    double leastRise(ScoreComponent component) {
        return switch (component) {
            case PHYSICIAN_GLOBAL_ACTIVITY, PATIENT_GLOBAL_ACTIVITY, EXTRAMUSCULAR_ACTIVITY -> visualAnalogueCm;
            case PHYSICAL_FUNCTION -> haq;
            case MUSCLE_STRENGTH, ENZYME -> Double.POSITIVE_INFINITY;
        };
    }
}
