package org.myotrack.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The IMACS definition of worsening applied to a visit against the one before it.
 *
 * @param routes the routes that fired; worsening is met when any did
 * @param measuresWorseByThirtyPercent the non-enzyme measures worse by ≥ 30 %, the evidence of {@code THREE_MEASURES}
 */
public record WorseningResult(Set<WorseningRoute> routes, Set<ScoreComponent> measuresWorseByThirtyPercent) {

    public WorseningResult {
        EnumSet<WorseningRoute> routesCopy = EnumSet.noneOf(WorseningRoute.class);
        routesCopy.addAll(routes);
        routes = Collections.unmodifiableSet(routesCopy);
        EnumSet<ScoreComponent> measuresCopy = EnumSet.noneOf(ScoreComponent.class);
        measuresCopy.addAll(measuresWorseByThirtyPercent);
        measuresWorseByThirtyPercent = Collections.unmodifiableSet(measuresCopy);
    }

    public boolean met() {
        return !routes.isEmpty();
    }
}
