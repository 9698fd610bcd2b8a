package org.myotrack.scoring;

/**
 * One measure's share of a Total Improvement Score.
 *
 * @param percentImprovement percent improvement as the TIS defines it (negative when worse); null when missing
 * @param points points from the band table, never negative; 0 when missing
 * @param present whether the measure was recorded at both visits (muscle strength: on a comparable instrument)
 */
public record ComponentScore(Double percentImprovement, double points, boolean present) {

    private static final ComponentScore MISSING = new ComponentScore(null, 0, false);

    public static ComponentScore missing() {
        return MISSING;
    }

    public static ComponentScore scored(double percentImprovement, double points) {
        return new ComponentScore(percentImprovement, points, true);
    }
}
