package org.myotrack.report;

import java.util.List;

/**
 * One active flag as the report prints it.
 *
 * @param code flag as a physician names it, e.g. {@code Inadequate response}
 * @param since ISO date the flag was first met
 * @param message what the flag found for this patient
 * @param workUp the work-up steps of a refractory flag, in order (R8); empty for other flags
 * @param evidence one line per piece of evidence, e.g. {@code prednisone 60 mg daily, 2019-02-01 onwards}
 * @param reference the published source of the rule
 */
public record ReportFlag(String code, String since, String message, List<String> workUp, List<String> evidence,
                         String reference) {

    public ReportFlag {
        workUp = workUp == null ? List.of() : List.copyOf(workUp);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
