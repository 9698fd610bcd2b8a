package org.myotrack.cohort.export;

import java.math.BigDecimal;

/**
 * Text of one CSV cell. Numbers are written plainly (no exponent, no trailing zeros); text that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as
 * OWASP's CSV-injection guidance advises, so opening an export never executes anything.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return number(number);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof ExportDate date) {
            return date.text();
        }
        return neutralised(value.toString());
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        // The shortest decimal that reads back as the same double; only very small or large values need rewriting.
        String shortest = Double.toString(value);
        return shortest.indexOf('E') < 0 ? shortest : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The text, prefixed with an apostrophe when a spreadsheet would take it for a formula. */
    static String neutralised(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }
}
