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
     * @param juvenile      whether the juvenile response thresholds apply
     * @return the baseline visit and every visit after it, each with its scores
     */
    public static List<TrajectoryPoint> score(List<ScoredVisit> visits, int baselineIndex, boolean juvenile) {
        if (baselineIndex < 0 || baselineIndex >= visits.size()) {
            throw new IllegalArgumentException("baselineIndex " + baselineIndex + " is outside the " + visits.size() + " visits");
        }
        ScoredVisit baseline = visits.get(baselineIndex);
        List<TrajectoryPoint> points = new ArrayList<>(visits.size() - baselineIndex);
        for (int i = baselineIndex; i < visits.size(); i++) {
            ScoredVisit visit = visits.get(i);
            WorseningResult worsening = i == 0 ? null : Worsening.assess(visits.get(i - 1).measures(), visit.measures());
            if (i == baselineIndex) {
                points.add(new TrajectoryPoint(visit, null, null, worsening));
            } else {
                points.add(new TrajectoryPoint(visit,
                        TotalImprovementScore.score(baseline.measures(), visit.measures(), juvenile),
                        ImprovementDefinition.isMet(baseline.measures(), visit.measures()),
                        worsening));
            }
        }
        return points;
    }
}
