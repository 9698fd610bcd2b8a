package org.myotrack.scoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The IMACS preliminary definition of improvement (Rider et al., Arthritis Rheum 2004;50:2281–90; clinical.md §5).
 *
 * <p>Relative change from baseline: at least 3 of the 6 core-set measures improved by ≥ 20 %, at most 2 worsened
 * by ≥ 25 %, and muscle strength (MMT-8, or CMAS as {@link MuscleStrengthComparison#select} picks it) not among
 * the worsened. A baseline of 0 cannot improve; a rise from 0 counts as worsening. A measure missing at either
 * visit neither improves nor worsens; without a comparable muscle strength the definition is not met, since it
 * cannot be shown that strength did not worsen.
 */
public final class ImprovementDefinition {

    // Rider et al., Arthritis Rheum 2004;50:2281–90
    private static final double IMPROVEMENT_PERCENT = 20;
    // Rider et al., Arthritis Rheum 2004;50:2281–90
    private static final double WORSENING_PERCENT = 25;
    // Rider et al., Arthritis Rheum 2004;50:2281–90: 3 of 6 improved
    private static final int MINIMUM_IMPROVED = 3;
    // Rider et al., Arthritis Rheum 2004;50:2281–90: no more than 2 of 6 worsened
    private static final int MAXIMUM_WORSENED = 2;

    private ImprovementDefinition() {
    }

    public static boolean isMet(CoreSetMeasures baseline, CoreSetMeasures followUp, RiseFromZero riseFromZero) {
        return evaluate(baseline, followUp, riseFromZero).met();
    }

    /** Applies the definition and reports which measures improved, worsened or were missing. */
    public static ImprovementDefinitionResult evaluate(CoreSetMeasures baseline, CoreSetMeasures followUp,
                                                       RiseFromZero riseFromZero) {
        Map<ScoreComponent, MeasureChange> changes = MeasureChange.between(baseline, followUp);
        Set<ScoreComponent> improved = EnumSet.noneOf(ScoreComponent.class);
        Set<ScoreComponent> worsened = EnumSet.noneOf(ScoreComponent.class);
        Set<ScoreComponent> missing = EnumSet.allOf(ScoreComponent.class);
        missing.removeAll(changes.keySet());
        for (MeasureChange change : changes.values()) {
            if (change.relativeImprovement() >= IMPROVEMENT_PERCENT) {
                improved.add(change.component());
            }
            if (change.relativeWorsening(riseFromZero) >= WORSENING_PERCENT) {
                worsened.add(change.component());
            }
        }
        boolean met = improved.size() >= MINIMUM_IMPROVED
                && worsened.size() <= MAXIMUM_WORSENED
                && changes.containsKey(ScoreComponent.MUSCLE_STRENGTH)
                && !worsened.contains(ScoreComponent.MUSCLE_STRENGTH);
        return new ImprovementDefinitionResult(met, improved, worsened, missing);
    }
}
