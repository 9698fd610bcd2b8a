package org.myotrack.trajectory;

import org.myotrack.scoring.ResponseCategory;
import org.myotrack.scoring.WorseningRoute;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The scores of one visit: TIS, response and components against the baseline (null on the baseline itself),
 * the IMACS definition of improvement against the baseline, IMACS worsening against the previous visit with the
 * routes by which it was met, and IMACS worsening against the baseline ({@code worseningFromBaseline}, R2a; null on
 * the baseline itself).
 */
public record TrajectoryVisitView(long visitId, LocalDate visitDate, Double tis, ResponseCategory response,
                                  Map<String, ComponentView> components, Boolean doiMet, boolean worsening,
                                  List<WorseningRoute> worseningRoutes, Boolean worseningFromBaseline) {
}
