package org.myotrack.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads an optional ISO date query parameter, refusing a malformed one with 400 naming the parameter. */
public final class QueryDates {

    private QueryDates() {
    }

    public static LocalDate parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw ProblemException.invalid(List.of(new Violation(parameter, "must be an ISO-8601 date (YYYY-MM-DD)")));
        }
    }
}
