package org.myotrack.cohort.export;

import org.myotrack.common.ProblemException;
import org.myotrack.common.Violation;

import java.util.List;

/** How an export gives dates: shifted by the patient's offset (the default), or as days since diagnosis. */
public enum DateMode {
    SHIFTED, RELATIVE;

    /** {@code shifted} (or absent) and {@code relative}; anything else is refused naming the allowed values. */
    public static DateMode parse(String value) {
        if (value == null || value.isBlank() || value.strip().equals("shifted")) {
            return SHIFTED;
        }
        if (value.strip().equals("relative")) {
            return RELATIVE;
        }
        throw ProblemException.invalid(List.of(new Violation("dates", "must be one of: shifted, relative")));
    }
}
