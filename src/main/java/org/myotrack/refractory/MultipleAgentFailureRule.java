package org.myotrack.refractory;

import org.myotrack.therapy.Drug;
import org.myotrack.therapy.StopReason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code MULTIPLE_AGENT_FAILURE} (clinical.md §6): two or more conventional immunosuppressants, or any third-line
 * agent, each had an adequate trial and a course of it ended for inefficacy or intolerance. A drug counts once
 * however many of its courses failed; a course stopped for remission or another reason is no failure. A therapy
 * fact: {@code since} is the end of the failure that completed the condition.
 */
final class MultipleAgentFailureRule {

    static final String REFERENCE = "Oddis et al., Arthritis Rheum 2013 (RIM); BSR guideline 2022 (treatment lines)";
    /** "two or more conventional immunosuppressants" (clinical.md §6). */
    private static final int CONVENTIONAL_FAILURES = 2;
    private static final Set<StopReason> FAILURE = EnumSet.of(StopReason.INEFFICACY, StopReason.INTOLERANCE);

    private MultipleAgentFailureRule() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        List<DrugCourse> failures = timeline.agentCourses().stream()
                .filter(c -> c.endDate() != null && FAILURE.contains(c.stopReason()))
                .filter(c -> AdequateTrial.of(c, timeline.config()))
                .sorted(Comparator.comparing(DrugCourse::endDate))
                .toList();
        Set<Drug> conventionalDrugs = EnumSet.noneOf(Drug.class);
        List<DrugCourse> conventional = new ArrayList<>();
        for (DrugCourse failure : failures) {
            if (PatientTimeline.THIRD_LINE.contains(failure.drug())) {
                return Optional.of(thirdLineFlag(failure));
            }
            if (conventionalDrugs.add(failure.drug())) {
                conventional.add(failure);
                if (conventional.size() >= CONVENTIONAL_FAILURES) {
                    return Optional.of(conventionalFlag(conventional));
                }
            }
        }
        return Optional.empty();
    }

    private static Flag conventionalFlag(List<DrugCourse> failures) {
        String finding = "Conventional immunosuppressants failed after adequate trials ("
                + String.join("; ", failures.stream().map(DrugCourse::describe).toList()) + "); check adherence.";
        DrugCourse last = failures.get(failures.size() - 1);
        return Flag.refractory(FlagCode.MULTIPLE_AGENT_FAILURE, last.endDate(), finding, evidence(failures), REFERENCE);
    }

    private static Flag thirdLineFlag(DrugCourse failure) {
        String finding = "A third-line agent failed after an adequate trial (" + failure.describe()
                + "); discuss further options with a myositis centre.";
        return Flag.refractory(FlagCode.MULTIPLE_AGENT_FAILURE, failure.endDate(), finding, evidence(List.of(failure)),
                REFERENCE);
    }

    private static List<Evidence> evidence(List<DrugCourse> failures) {
        return failures.stream()
                .map(f -> new Evidence("therapy", f.lastEntry().id(), "Failed after an adequate trial: " + f.describe()))
                .toList();
    }
}
