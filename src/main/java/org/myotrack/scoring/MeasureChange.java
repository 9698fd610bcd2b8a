package org.myotrack.scoring;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/** One of the six core-set measures present at both visits, with the relative changes of clinical.md §5. */
record MeasureChange(ScoreComponent component, double baseline, double followUp) {

    /** The measures present at both visits; strength per {@link MuscleStrengthComparison#select}, enzyme followed. */
    static Map<ScoreComponent, MeasureChange> between(CoreSetMeasures baseline, CoreSetMeasures followUp) {
        Map<ScoreComponent, MeasureChange> changes = new EnumMap<>(ScoreComponent.class);
        putIfBothPresent(changes, ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY,
                baseline.physicianGlobalActivity(), followUp.physicianGlobalActivity());
        putIfBothPresent(changes, ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                baseline.patientGlobalActivity(), followUp.patientGlobalActivity());
        MuscleStrengthComparison.select(baseline, followUp).ifPresent(strength -> changes.put(
                ScoreComponent.MUSCLE_STRENGTH,
                new MeasureChange(ScoreComponent.MUSCLE_STRENGTH, strength.baseline(), strength.followUp())));
        putIfBothPresent(changes, ScoreComponent.PHYSICAL_FUNCTION, baseline.haq(), followUp.haq());
        PercentChange.followMostAbnormalEnzyme(baseline.enzymes(), followUp.enzymes()).ifPresent(enzyme -> changes.put(
                ScoreComponent.ENZYME,
                new MeasureChange(ScoreComponent.ENZYME, enzyme.baseline().value(), enzyme.followUp().value())));
        putIfBothPresent(changes, ScoreComponent.EXTRAMUSCULAR_ACTIVITY,
                baseline.extramuscularActivity(), followUp.extramuscularActivity());
        return changes;
    }

    /** Relative improvement in percent of baseline; a baseline of 0 cannot improve (clinical.md §5). */
    double relativeImprovement() {
        OptionalDouble change = PercentChange.relativeChange(baseline, followUp);
        if (change.isEmpty()) {
            return 0;
        }
        return component.higherIsBetter() ? change.getAsDouble() : 0.0 - change.getAsDouble();
    }

    /**
     * Relative worsening in percent of baseline. From a baseline of 0 the relative change is undefined (R2b,
     * clinical-v2.md): a rise of at least the measure's least rise from 0 reads as infinite, any smaller one as 0.
     */
    double relativeWorsening(RiseFromZero riseFromZero) {
        OptionalDouble change = PercentChange.relativeChange(baseline, followUp);
        if (change.isEmpty()) {
            return worseningInScaleUnits() >= riseFromZero.leastRise(component) ? Double.POSITIVE_INFINITY : 0;
        }
        return component.higherIsBetter() ? 0.0 - change.getAsDouble() : change.getAsDouble();
    }

    /** How much worse in the measure's own units (cm on a VAS), rounded so that 4.3 − 2.3 is exactly 2. */
    double worseningInScaleUnits() {
        double rise = PercentChange.rounded(followUp - baseline);
        return component.higherIsBetter() ? 0.0 - rise : rise;
    }

    private static void putIfBothPresent(
            Map<ScoreComponent, MeasureChange> changes, ScoreComponent component, Double baseline, Double followUp) {
        if (baseline != null && followUp != null) {
            changes.put(component, new MeasureChange(component, baseline, followUp));
        }
    }
}
