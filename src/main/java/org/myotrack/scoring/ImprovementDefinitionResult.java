package org.myotrack.scoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The IMACS preliminary definition of improvement applied to two visits, with the measures behind the verdict.
 *
 * @param improved measures improved by at least 20 % of baseline
 * @param worsened measures worsened by at least 25 % of baseline
 * @param missing measures not recorded at both visits, which can neither improve nor worsen
 */
public record ImprovementDefinitionResult(
        boolean met, Set<ScoreComponent> improved, Set<ScoreComponent> worsened, Set<ScoreComponent> missing) {

    public ImprovementDefinitionResult {
        improved = immutableCopy(improved);
        worsened = immutableCopy(worsened);
        missing = immutableCopy(missing);
    }

    private static Set<ScoreComponent> immutableCopy(Set<ScoreComponent> components) {
        EnumSet<ScoreComponent> copy = EnumSet.noneOf(ScoreComponent.class);
        copy.addAll(components);
        return Collections.unmodifiableSet(copy);
    }
}
