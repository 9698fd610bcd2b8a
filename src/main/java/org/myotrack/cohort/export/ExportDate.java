package org.myotrack.cohort.export;

import java.time.LocalDate;

/** A date as an export gives it: a shifted calendar date, or a day number relative to the patient's reference date. */
public record ExportDate(LocalDate date, Integer day) {

    public static ExportDate shifted(LocalDate date) {
        return new ExportDate(date, null);
    }

    public static ExportDate relative(int day) {
        return new ExportDate(null, day);
    }

    /** The date as text: {@code 2019-05-02}, or the day number. */
    public String text() {
        return date != null ? date.toString() : Integer.toString(day);
    }

    /** The JSON value: an ISO date string, or the day number. */
    public Object json() {
        return date != null ? date.toString() : day;
    }
}
