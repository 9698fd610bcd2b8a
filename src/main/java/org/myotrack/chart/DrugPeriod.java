package org.myotrack.chart;

import java.time.LocalDate;

/**
 * One drug at one dose over a period, as a bar in a therapy lane.
 *
 * @param drug drug name, as in the therapy vocabulary (e.g. METHOTREXATE) or free text
 * @param start first day taken
 * @param end last day taken, inclusive; for an ongoing therapy the caller passes the evaluation date
 * @param doseLabel short dose text drawn on the bar where it fits, e.g. "20 mg weekly"; may be null
 */
public record DrugPeriod(String drug, LocalDate start, LocalDate end, String doseLabel) {
}
