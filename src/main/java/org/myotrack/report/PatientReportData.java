package org.myotrack.report;

import java.util.List;

/**
 * Everything the PDF patient report prints, already formatted by the caller.
 *
 * @param registryCode pseudonymous registry code, e.g. {@code P000123}
 * @param siteCode the site that follows the patient
 * @param externalId the site's own identifier; {@code null} when the reader must not see it (coordinators)
 * @param sex FEMALE, MALE, OTHER or UNKNOWN
 * @param birthYear year of birth only, never the exact date
 * @param diagnosis diagnosis code, e.g. {@code PM}
 * @param diagnosisDate ISO date of diagnosis, or {@code null}
 * @param juvenile whether the disease began in childhood
 * @param serology one line per autoantibody result, e.g. {@code JO1 POSITIVE (2019-01-20)}
 * @param trendChartPng the patient trend chart as PNG, or {@code null} when there is none
 * @param visits one row per visit in date order
 * @param flags the active flags
 * @param toRecord what the rules could not judge for want of an input, e.g. a body weight for a dose per kg
 * @param rulesVersion version of the refractory rules the flags were computed with
 * @param refractory whether the patient is refractory under those rules
 * @param therapies therapy history in start order
 * @param generatedOn when the report was produced, as the reader should see it
 */
public record PatientReportData(
        String registryCode,
        String siteCode,
        String externalId,
        String sex,
        Integer birthYear,
        String diagnosis,
        String diagnosisDate,
        boolean juvenile,
        List<String> serology,
        byte[] trendChartPng,
        List<ReportVisitRow> visits,
        List<ReportFlag> flags,
        List<String> toRecord,
        String rulesVersion,
        boolean refractory,
        List<ReportTherapyRow> therapies,
        String generatedOn) {

    public PatientReportData {
        serology = serology == null ? List.of() : List.copyOf(serology);
        visits = visits == null ? List.of() : List.copyOf(visits);
        flags = flags == null ? List.of() : List.copyOf(flags);
        toRecord = toRecord == null ? List.of() : List.copyOf(toRecord);
        therapies = therapies == null ? List.of() : List.copyOf(therapies);
    }
}
