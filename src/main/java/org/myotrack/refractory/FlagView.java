package org.myotrack.refractory;

import java.time.LocalDate;
import java.util.List;

/** One flag as the API shows it. */
public record FlagView(FlagCode code, String kind, LocalDate since, String message, List<Evidence> evidence, String reference) {

    static FlagView of(Flag flag) {
        return new FlagView(flag.code(), flag.code().kind().name(), flag.since(), flag.message(), flag.evidence(), flag.reference());
    }
}
