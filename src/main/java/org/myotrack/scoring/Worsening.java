package org.myotrack.scoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The IMACS definition of worsening of a visit against the visit before it (Oddis et al., Arthritis Rheum 2005,
 * as applied in ProDERM; clinical.md §5).
 *
 * <p>Any one route suffices: physician global worse by ≥ 2 cm together with muscle strength (MMT-8, or CMAS as
 * {@link MuscleStrengthComparison#select} picks it) worse by ≥ 20 % of the previous value; extramuscular global
 * worse by ≥ 2 cm; or any 3 of the 5 non-enzyme measures worse by ≥ 30 % of the previous value, where a measure
 * that was 0 counts only when it rose by the least rise of {@link RiseFromZero} (R2b). A measure missing at either
 * visit cannot worsen. The reference visit is the caller's: the visit before, or the trajectory baseline (R2a).
 */
public final class Worsening {

    // Oddis et al., Arthritis Rheum 2005: physician or extramuscular global worse by ≥ 2 cm on the 10 cm VAS
    private static final double GLOBAL_WORSENING_CM = 2;
    // Oddis et al., Arthritis Rheum 2005: MMT-8 worse by ≥ 20 %
    private static final double STRENGTH_WORSENING_PERCENT = 20;
    // Oddis et al., Arthritis Rheum 2005: 3 of the 5 non-enzyme measures worse by ≥ 30 %
    private static final double MEASURE_WORSENING_PERCENT = 30;
    private static final int MINIMUM_MEASURES_WORSE = 3;

    private static final Set<ScoreComponent> NON_ENZYME_MEASURES = EnumSet.complementOf(EnumSet.of(ScoreComponent.ENZYME));

    private Worsening() {
    }

    public static WorseningResult assess(CoreSetMeasures previous, CoreSetMeasures current, RiseFromZero riseFromZero) {
        Map<ScoreComponent, MeasureChange> changes = MeasureChange.between(previous, current);
        Set<WorseningRoute> routes = EnumSet.noneOf(WorseningRoute.class);

        MeasureChange physicianGlobal = changes.get(ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY);
        MeasureChange strength = changes.get(ScoreComponent.MUSCLE_STRENGTH);
        if (physicianGlobal != null && strength != null
                && physicianGlobal.worseningInScaleUnits() >= GLOBAL_WORSENING_CM
                && strength.relativeWorsening(riseFromZero) >= STRENGTH_WORSENING_PERCENT) {
            routes.add(WorseningRoute.GLOBAL_AND_STRENGTH);
        }

        MeasureChange extramuscular = changes.get(ScoreComponent.EXTRAMUSCULAR_ACTIVITY);
        if (extramuscular != null && extramuscular.worseningInScaleUnits() >= GLOBAL_WORSENING_CM) {
            routes.add(WorseningRoute.EXTRAMUSCULAR);
        }

        Set<ScoreComponent> worseByThirtyPercent = EnumSet.noneOf(ScoreComponent.class);
        for (ScoreComponent measure : NON_ENZYME_MEASURES) {
            MeasureChange change = changes.get(measure);
            if (change != null && change.relativeWorsening(riseFromZero) >= MEASURE_WORSENING_PERCENT) {
                worseByThirtyPercent.add(measure);
            }
        }
        if (worseByThirtyPercent.size() >= MINIMUM_MEASURES_WORSE) {
            routes.add(WorseningRoute.THREE_MEASURES);
        }
        return new WorseningResult(routes, worseByThirtyPercent);
    }
}
