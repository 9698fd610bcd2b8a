package org.myotrack.scoring;

import java.util.ArrayList;
import java.util.List;

/** Scores every visit from a baseline on: one pass, no lookups, so 40 visits cost microseconds. */
public final class Trajectory {

    private Trajectory() {
    }

    /**
     * @param visits        a patient's visits in date order
     * @param baselineIndex position of the baseline visit in {@code visits}
     * @param criteria      the response thresholds of the patient's subgroup (R5)
     * @param riseFromZero  when a measure that was 0 counts as worse (R2b)
     * @return the baseline visit and every visit after it, each with its scores
     */
    public static List<TrajectoryPoint> score(List<ScoredVisit> visits, int baselineIndex, ResponseCriteria criteria,
                                              RiseFromZero riseFromZero) {
        if (baselineIndex < 0 || baselineIndex >= visits.size()) {
            throw new IllegalArgumentException("baselineIndex " + baselineIndex + " is outside the " + visits.size() + " visits");
        }
        ScoredVisit baseline = visits.get(baselineIndex);
        List<TrajectoryPoint> points = new ArrayList<>(visits.size() - baselineIndex);
        for (int i = baselineIndex; i < visits.size(); i++) {
            ScoredVisit visit = visits.get(i);
            WorseningResult worsening = i == 0 ? null
                    : Worsening.assess(visits.get(i - 1).measures(), visit.measures(), riseFromZero);
            if (i == baselineIndex) {
                points.add(new TrajectoryPoint(visit, null, null, worsening, null));
            } else {
                // R2a: judged against the visit before and against the baseline; the same result when they coincide.
                WorseningResult fromBaseline = i == baselineIndex + 1 ? worsening
                        : Worsening.assess(baseline.measures(), visit.measures(), riseFromZero);
                points.add(new TrajectoryPoint(visit,
                        TotalImprovementScore.score(baseline.measures(), visit.measures(), criteria),
                        ImprovementDefinition.isMet(baseline.measures(), visit.measures(), riseFromZero),
                        worsening, fromBaseline));
            }
        }
        return points;
    }
}
