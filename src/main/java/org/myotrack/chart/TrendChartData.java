package org.myotrack.chart;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one patient's trend chart shows, already loaded and scored.
 *
 * @param title chart title, e.g. the registry code; null or blank for none
 * @param juvenile whether the patient is juvenile (CMAS and CHAQ labels by default)
 * @param from first day shown; null means the earliest date in the data
 * @param to last day shown, inclusive; null means the latest date in the data
 * @param visits visits in any order
 * @param drugPeriods therapy periods, one bar each
 * @param prednisoneEquivalent daily prednisone-equivalent dose steps (pulses excluded)
 * @param flagOnsets days on which flags began
 */
public record TrendChartData(String title, boolean juvenile, LocalDate from, LocalDate to, List<TrendVisit> visits,
        List<DrugPeriod> drugPeriods, List<DoseStep> prednisoneEquivalent, List<FlagOnset> flagOnsets) {

    /** Null lists are read as empty so callers need not build empty ones. */
    public TrendChartData {
        visits = visits == null ? List.of() : List.copyOf(visits);
        drugPeriods = drugPeriods == null ? List.of() : List.copyOf(drugPeriods);
        prednisoneEquivalent = prednisoneEquivalent == null ? List.of() : List.copyOf(prednisoneEquivalent);
        flagOnsets = flagOnsets == null ? List.of() : List.copyOf(flagOnsets);
    }
}
