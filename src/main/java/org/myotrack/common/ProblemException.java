package org.myotrack.common;

import java.util.List;

/** A refusal the registry explains to the caller as an RFC 9457 problem; nothing has been written. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;
    private final List<RowViolation> rows;
    private final int errorCount;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.rows = null;
        this.errorCount = violations.size();
    }

    private ProblemException(int status, String title, String detail, List<RowViolation> rows, int errorCount) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.of();
        this.rows = List.copyOf(rows);
        this.errorCount = errorCount;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist");
    }

    public static ProblemException staleVersion(String what, long storedVersion) {
        return new ProblemException(409, "Conflict",
                what + " was changed by someone else (stored version " + storedVersion
                        + "); reload it and apply your change again");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "Invalid request",
                "The request has " + violations.size() + " invalid field(s); nothing was saved", violations);
    }

    /** A file refused for what its rows hold: {@code rows} lists the first refusals, {@code errorCount} counts all. */
    public static ProblemException refusedRows(String detail, List<RowViolation> rows, int errorCount) {
        return new ProblemException(422, "Unprocessable Content", detail, rows, errorCount);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content Too Large", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The refused rows of an uploaded file, or null when the problem is not about a file's rows. */
    public List<RowViolation> rows() {
        return rows;
    }

    public int errorCount() {
        return errorCount;
    }
}
