package org.myotrack.chart;

/**
 * Number of patients in one response category within one time-since-diagnosis bin.
 *
 * @param monthsSinceDiagnosis start of the bin in months, e.g. 0, 6, 12
 * @param response NONE, MINIMAL, MODERATE, MAJOR or INCOMPLETE
 * @param patients number of patients
 */
public record ResponseShare(int monthsSinceDiagnosis, String response, int patients) {
}
