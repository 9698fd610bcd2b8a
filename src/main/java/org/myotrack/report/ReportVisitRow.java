package org.myotrack.report;

/**
 * One visit row of the report, each value preformatted by the caller ("–" when missing).
 *
 * @param date ISO visit date
 * @param physicianGlobal physician global activity (0–10)
 * @param patientGlobal patient global activity (0–10)
 * @param strength MMT-8 as {@code 120/150} or CMAS as {@code CMAS 40}
 * @param haq HAQ or CHAQ disability index
 * @param extramuscular extramuscular global activity (0–10)
 * @param ck creatine kinase with its multiple of the upper limit, e.g. {@code 2400 (12.0 × ULN)}
 * @param tis total improvement score against the baseline
 * @param response response category, e.g. {@code MODERATE}
 */
public record ReportVisitRow(
        String date,
        String physicianGlobal,
        String patientGlobal,
        String strength,
        String haq,
        String extramuscular,
        String ck,
        String tis,
        String response) {
}
