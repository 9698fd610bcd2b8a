package org.myotrack.scoring;

/**
 * The scores of one visit of a trajectory: its Total Improvement Score and IMACS improvement against the baseline
 * (both null for the baseline visit itself), IMACS worsening against the visit before it ({@code worsening}, null
 * for the first visit) and against the baseline ({@code worseningFromBaseline}, null for the baseline itself; R2a).
 */
public record TrajectoryPoint(ScoredVisit visit, TotalImprovementScoreResult improvement, Boolean doiMet,
                              WorseningResult worsening, WorseningResult worseningFromBaseline) {
}
