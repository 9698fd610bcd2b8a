package org.myotrack.chart;

import java.time.LocalDate;

/**
 * A constant prednisone-equivalent daily dose from one day to another, both inclusive.
 *
 * @param from first day at this dose
 * @param to last day at this dose, inclusive
 * @param mgPerDay prednisone-equivalent dose in mg/day
 */
public record DoseStep(LocalDate from, LocalDate to, double mgPerDay) {
}
