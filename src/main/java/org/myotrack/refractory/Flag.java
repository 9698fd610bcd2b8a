package org.myotrack.refractory;

import java.time.LocalDate;
import java.util.List;

/** A flag raised for a patient: since when it holds, what to do, which records decided it, and its source. */
public record Flag(FlagCode code, LocalDate since, String message, List<Evidence> evidence, String reference) {
}
