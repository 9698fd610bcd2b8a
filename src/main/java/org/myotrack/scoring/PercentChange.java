package org.myotrack.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Percent changes between two visits as the response scores define them (clinical.md §4–5). */
public final class PercentChange {

    /**
     * Percentages are rounded to this many places, so that a change of exactly 5 % is 5
     * and not 5.000000000000001, and lands on the side of a band edge the published table puts it.
     */
    static final int PERCENT_DECIMALS = 6;

    private static final double DECIMAL_SCALE = Math.pow(10, PERCENT_DECIMALS);

    /** Highest multiple of ULN wins; on a tie the enzyme listed first in {@link org.myotrack.visit.EnzymeTest} wins. */
    private static final Comparator<EnzymeLevel> BY_ABNORMALITY = Comparator
            .comparingDouble(EnzymeLevel::timesUln)
            .thenComparing(EnzymeLevel::test, Comparator.reverseOrder());

    private PercentChange() {
    }

    /** Improvement of a lower-is-better measure as percent of its full scale range: (B − F) ÷ range × 100. */
    public static double absoluteImprovementLowerIsBetter(double baseline, double followUp, double range) {
        return percent(baseline - followUp, range);
    }

    /** Improvement of a higher-is-better measure (MMT-8, CMAS) as percent of its full range: (F − B) ÷ range × 100. */
    public static double absoluteImprovementHigherIsBetter(double baseline, double followUp, double range) {
        return percent(followUp - baseline, range);
    }

    /** Change relative to baseline, (F − B) ÷ B × 100, signed; empty for a baseline of 0, which has no relative change. */
    public static OptionalDouble relativeChange(double baseline, double followUp) {
        if (baseline == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(percent(followUp - baseline, baseline));
    }

    /** Relative improvement of a lower-is-better measure, (B − F) ÷ B × 100; a baseline of 0 scores 0 (clinical.md §4). */
    public static double relativeImprovementLowerIsBetter(double baseline, double followUp) {
        OptionalDouble change = relativeChange(baseline, followUp);
        // 0.0 − x rather than −x, so that no change reads 0 and not −0
        return change.isPresent() ? 0.0 - change.getAsDouble() : 0.0;
    }

    /** The most abnormal enzyme of a visit judged by value ÷ ULN, not by raw value, so that units do not matter. */
    public static Optional<EnzymeLevel> mostAbnormalEnzyme(List<EnzymeLevel> enzymes) {
        return enzymes.stream().max(BY_ABNORMALITY);
    }

    /**
     * The most abnormal enzyme at baseline followed to the same test at follow-up; empty when the baseline has no
     * enzyme or the follow-up lacks that test. If the follow-up lists the test twice, its most abnormal value counts.
     */
    public static Optional<EnzymeComparison> followMostAbnormalEnzyme(List<EnzymeLevel> baseline, List<EnzymeLevel> followUp) {
        return mostAbnormalEnzyme(baseline).flatMap(atBaseline -> followUp.stream()
                .filter(level -> level.test() == atBaseline.test())
                .max(BY_ABNORMALITY)
                .map(atFollowUp -> new EnzymeComparison(atBaseline, atFollowUp)));
    }

    /** Relative improvement of the most abnormal baseline enzyme (clinical.md §4); empty when it cannot be followed. */
    public static OptionalDouble enzymeImprovement(List<EnzymeLevel> baseline, List<EnzymeLevel> followUp) {
        return followMostAbnormalEnzyme(baseline, followUp)
                .map(comparison -> OptionalDouble.of(comparison.relativeImprovement()))
                .orElse(OptionalDouble.empty());
    }

    /**
     * Rounds to {@link #PERCENT_DECIMALS} decimals, which removes the binary noise of a subtraction such as
     * 1.1 − 0.6 = 0.5000000000000001 (every input has at most 3 decimals, so nothing real is lost). Plain double
     * arithmetic keeps scoring a 40-visit trajectory in microseconds, where BigDecimal cost ten times more.
     */
    static double rounded(double value) {
        return Math.round(value * DECIMAL_SCALE) / DECIMAL_SCALE;
    }

    private static double percent(double numerator, double denominator) {
        return rounded(numerator * 100 / denominator);
    }
}
