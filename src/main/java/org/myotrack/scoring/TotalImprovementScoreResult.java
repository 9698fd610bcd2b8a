package org.myotrack.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A Total Improvement Score with its response category and the score of each of the six measures.
 *
 * @param tis the sum of the points, 0–100; with a missing measure, the partial sum of those present (a lower bound)
 * @param components all six measures, in {@link ScoreComponent} order, missing ones included
 */
public record TotalImprovementScoreResult(double tis, ResponseCategory response, Map<ScoreComponent, ComponentScore> components) {

    public TotalImprovementScoreResult {
        EnumMap<ScoreComponent, ComponentScore> ordered = new EnumMap<>(ScoreComponent.class);
        ordered.putAll(components);
        if (ordered.size() != ScoreComponent.values().length) {
            throw new IllegalArgumentException("a Total Improvement Score carries all six components");
        }
        components = Collections.unmodifiableMap(ordered);
    }

    public ComponentScore component(ScoreComponent component) {
        return components.get(component);
    }

    public boolean complete() {
        return response != ResponseCategory.INCOMPLETE;
    }
}
