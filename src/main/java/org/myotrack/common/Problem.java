package org.myotrack.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The RFC 9457 problem document every error response carries ({@code application/problem+json}). A refused file
 * upload adds {@code rows}, the first of its refusals, and {@code errorCount}, how many there were in all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
                      List<RowViolation> rows, Integer errorCount) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null, null);
    }

    public static Problem withViolations(int status, String title, String detail, List<Violation> violations) {
        return new Problem("about:blank", title, status, detail, null, violations.isEmpty() ? null : violations, null, null);
    }

    public static Problem withRows(int status, String title, String detail, List<RowViolation> rows, int errorCount) {
        return new Problem("about:blank", title, status, detail, null, null, rows, errorCount);
    }
}
