package org.myotrack.refractory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A flag raised for a patient: since when it holds, what it means, which records decided it, its source and, for a
 * refractory flag, the work-up steps in the order the literature asks (R8), which its message also ends with.
 */
public record Flag(FlagCode code, LocalDate since, String message, List<Evidence> evidence, String reference,
                   List<String> workUp) {

    public Flag {
        evidence = List.copyOf(evidence);
        workUp = List.copyOf(workUp);
    }

    /** A flag without work-up steps: a trajectory flag or a prompt. */
    public Flag(FlagCode code, LocalDate since, String message, List<Evidence> evidence, String reference) {
        this(code, since, message, evidence, reference, List.of());
    }

    /** A refractory flag: the message ends with the work-up sentence of R8 and the steps are kept for a numbered list. */
    static Flag refractory(FlagCode code, LocalDate since, String finding, List<Evidence> evidence, String reference) {
        return new Flag(code, since, finding + " " + WorkUp.SENTENCE, evidence, reference, WorkUp.STEPS);
    }

    /** The same flag with more evidence after its own. */
    Flag withEvidence(List<Evidence> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Evidence> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new Flag(code, since, message, all, reference, workUp);
    }
}
