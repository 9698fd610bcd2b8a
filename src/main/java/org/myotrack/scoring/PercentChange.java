package org.myotrack.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Percent changes between two visits as the response scores define them (clinical.md §4–5). */
public final class PercentChange {

    /**
     * Percentages are computed in decimal and rounded to this many places, so that a change of exactly 5 % is 5
     * and not 5.000000000000001, and lands on the side of a band edge the published table puts it.
     */
    static final int PERCENT_DECIMALS = 6;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Highest multiple of ULN wins; on a tie the enzyme listed first in {@link org.myotrack.visit.EnzymeTest} wins. */
    private static final Comparator<EnzymeLevel> BY_ABNORMALITY = Comparator
            .comparingDouble(EnzymeLevel::timesUln)
            .thenComparing(EnzymeLevel::test, Comparator.reverseOrder());

    private PercentChange() {
    }

    /** Improvement of a lower-is-better measure as percent of its full scale range: (B − F) ÷ range × 100. */
    public static double absoluteImprovementLowerIsBetter(double baseline, double followUp, double range) {
        return percent(decimal(baseline).subtract(decimal(followUp)), decimal(range));
    }

    /** Improvement of a higher-is-better measure (MMT-8, CMAS) as percent of its full range: (F − B) ÷ range × 100. */
    public static double absoluteImprovementHigherIsBetter(double baseline, double followUp, double range) {
        return percent(decimal(followUp).subtract(decimal(baseline)), decimal(range));
    }

    /** Change relative to baseline, (F − B) ÷ B × 100, signed; empty for a baseline of 0, which has no relative change. */
    public static OptionalDouble relativeChange(double baseline, double followUp) {
        if (baseline == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(percent(decimal(followUp).subtract(decimal(baseline)), decimal(baseline)));
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

    static BigDecimal decimal(double value) {
        // valueOf reads the shortest decimal that names the double: 5.5 stays 5.5, not 5.49999…
        return BigDecimal.valueOf(value);
    }

    private static double percent(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, PERCENT_DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
}
