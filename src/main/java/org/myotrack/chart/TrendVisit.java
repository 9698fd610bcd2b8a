package org.myotrack.chart;

import java.time.LocalDate;

/**
 * One visit as the trend chart draws it; every measure is optional.
 *
 * @param date visit date
 * @param ckTimesUln CK as a multiple of the lab's upper limit of normal
 * @param strengthPercent MMT-8 or CMAS as percent of the scale maximum
 * @param strengthLabel "MMT-8" or "CMAS"; null falls back to CMAS for juvenile patients and MMT-8 otherwise
 * @param physicianGlobal physician global activity, 0–10 cm
 * @param haq HAQ-DI or CHAQ, 0–3
 * @param response TIS category against the baseline: NONE, MINIMAL, MODERATE, MAJOR, INCOMPLETE; null for the baseline
 */
public record TrendVisit(LocalDate date, Double ckTimesUln, Double strengthPercent, String strengthLabel,
        Double physicianGlobal, Double haq, String response) {
}
