package org.myotrack.common;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads an optional enum-valued query parameter, refusing an unknown value with 400 and the allowed values. */
public final class QueryEnums {

    private QueryEnums() {
    }

    public static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalid(List.of(new Violation(parameter, "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")))));
        }
    }
}
