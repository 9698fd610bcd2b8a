package org.myotrack.scoring;

/**
 * The scores of one visit of a trajectory: its Total Improvement Score and IMACS improvement against the baseline
 * (both null for the baseline visit itself) and IMACS worsening against the visit before it.
 */
public record TrajectoryPoint(ScoredVisit visit, TotalImprovementScoreResult improvement, Boolean doiMet,
                              WorseningResult worsening) {
}
