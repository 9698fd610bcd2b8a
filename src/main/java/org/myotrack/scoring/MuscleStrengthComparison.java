package org.myotrack.scoring;

import java.util.Objects;
import java.util.Optional;

/** Muscle strength at two visits on one instrument and scale: MMT-8 where comparable, otherwise CMAS. */
public record MuscleStrengthComparison(Instrument instrument, int baseline, int followUp, int scaleMaximum) {

    /** Childhood Myositis Assessment Scale maximum score (clinical.md §2). */
    public static final int CMAS_MAXIMUM = 52;

    /** The strength instrument both visits were scored on. */
    public enum Instrument { MMT8, CMAS }

    /**
     * Selects muscle strength as clinical.md §4 prescribes: MMT-8 when both visits have it on the same scale
     * (80 against 80, 150 against 150), otherwise CMAS when both have it, otherwise empty (missing).
     */
    public static Optional<MuscleStrengthComparison> select(CoreSetMeasures baseline, CoreSetMeasures followUp) {
        if (baseline.mmt8() != null && followUp.mmt8() != null
                && baseline.mmt8Max() != null && Objects.equals(baseline.mmt8Max(), followUp.mmt8Max())) {
            return Optional.of(new MuscleStrengthComparison(
                    Instrument.MMT8, baseline.mmt8(), followUp.mmt8(), baseline.mmt8Max()));
        }
        if (baseline.cmas() != null && followUp.cmas() != null) {
            return Optional.of(new MuscleStrengthComparison(
                    Instrument.CMAS, baseline.cmas(), followUp.cmas(), CMAS_MAXIMUM));
        }
        return Optional.empty();
    }

    /** Improvement as percent of the scale's full range, (F − B) ÷ maximum × 100, as the TIS scores it. */
    public double absoluteImprovement() {
        return PercentChange.absoluteImprovementHigherIsBetter(baseline, followUp, scaleMaximum);
    }
}
