package org.myotrack.trajectory;

import java.util.List;

/**
 * A patient's response trajectory: the baseline actually used ({@code baseline} FIRST, REGIMEN or VISIT; a
 * regimen request without a visit in the window falls back to FIRST and says so in {@code baselineNote}) and
 * every visit from it on, scored under the rules version {@code rulesVersion}.
 */
public record TrajectoryView(long patientId, Long baselineVisitId, String baseline, String baselineNote,
                             boolean juvenile, String rulesVersion, List<TrajectoryVisitView> visits) {
}
