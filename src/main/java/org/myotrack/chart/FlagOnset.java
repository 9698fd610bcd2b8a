package org.myotrack.chart;

import java.time.LocalDate;

/**
 * The day a registry flag began to hold.
 *
 * @param date the flag's {@code since} date
 * @param code flag code, e.g. INADEQUATE_RESPONSE
 */
public record FlagOnset(LocalDate date, String code) {
}
