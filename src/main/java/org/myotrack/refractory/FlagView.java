package org.myotrack.refractory;

import java.time.LocalDate;
import java.util.List;

/** One flag as the API shows it; {@code workUp} holds the numbered work-up steps of a refractory flag (R8). */
public record FlagView(FlagCode code, String kind, LocalDate since, String message, List<Evidence> evidence,
                       String reference, List<String> workUp) {

    /** The message without the work-up sentence a refractory flag's message ends with, for pages that list the steps. */
    public String finding() {
        return workUp.isEmpty() || !message.endsWith(WorkUp.SENTENCE) ? message
                : message.substring(0, message.length() - WorkUp.SENTENCE.length()).strip();
    }

    public static FlagView of(Flag flag) {
        return new FlagView(flag.code(), flag.code().kind().name(), flag.since(), flag.message(), flag.evidence(),
                flag.reference(), flag.workUp());
    }
}
