package org.myotrack.report;

import java.util.List;

/**
 * One active flag as the report prints it.
 *
 * @param code flag code, e.g. {@code INADEQUATE_RESPONSE}
 * @param since ISO date the flag was first met
 * @param message what the flag means for this patient
 * @param evidence one line per piece of evidence, e.g. {@code PREDNISONE 60 MG DAILY from 2019-02-01}
 * @param reference the published source of the rule
 */
public record ReportFlag(String code, String since, String message, List<String> evidence, String reference) {

    public ReportFlag {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
