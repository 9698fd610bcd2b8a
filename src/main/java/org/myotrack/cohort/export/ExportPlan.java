package org.myotrack.cohort.export;

import org.myotrack.cohort.CohortCriteria;

/**
 * What an export will write, known before its first byte: how many patients and rows, and how de-identified.
 *
 * @param rows               data lines the export will hold (CSV rows after the header, NDJSON lines)
 * @param smallestGroup      smallest group over (site, sex, birth year as exported, diagnosis); 0 for an empty cohort
 * @param smallestGroupByYear the same with single birth years, before any banding
 * @param birthYearBand      1 when birth years are exact, else the band width used
 * @param visitGroups        numbered visit groups of {@code csv-wide}; 0 for other formats
 */
public record ExportPlan(CohortCriteria criteria, ExportFormat format, DateMode dates, long patients, long rows,
                         int exportYear, int minimumGroupSize, long smallestGroup, long smallestGroupByYear,
                         int birthYearBand, int visitGroups) {

    /** The k-anonymity outcome in a sentence a coordinator can pass on with the file. */
    public String kAnonymityNote() {
        if (patients == 0) {
            return "The cohort is empty.";
        }
        String groups = "Smallest group over site, sex, birth year and diagnosis: ";
        if (birthYearBand == 1) {
            return groups + smallestGroupByYear + " patient" + (smallestGroupByYear == 1 ? "" : "s")
                    + " (at least " + minimumGroupSize + "); birth years are exact.";
        }
        return groups + smallestGroupByYear + " with exact birth years, under " + minimumGroupSize + ", so birth years are "
                + "given in " + birthYearBand + "-year bands; smallest group now " + smallestGroup
                + (smallestGroup < minimumGroupSize ? ", still under " + minimumGroupSize
                + ": widen the filters or review the file before sharing." : ".");
    }
}
