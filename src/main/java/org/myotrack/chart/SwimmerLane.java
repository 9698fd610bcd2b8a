package org.myotrack.chart;

import java.time.LocalDate;
import java.util.List;

/**
 * One patient's row in the therapy swimmer chart.
 *
 * @param patientLabel pseudonymous registry code
 * @param periods therapy periods
 * @param flagOnsets days on which flags began
 * @param from start of follow-up (time zero of the row)
 * @param to end of follow-up, inclusive
 */
public record SwimmerLane(String patientLabel, List<DrugPeriod> periods, List<FlagOnset> flagOnsets, LocalDate from,
        LocalDate to) {

    /** Null lists are read as empty so callers need not build empty ones. */
    public SwimmerLane {
        periods = periods == null ? List.of() : List.copyOf(periods);
        flagOnsets = flagOnsets == null ? List.of() : List.copyOf(flagOnsets);
    }
}
