package org.myotrack.web;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.myotrack.common.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a posted form, turned into the typed values a request record takes. A value that cannot be read
 * (letters in a number, a malformed date) is refused beside its input and read as absent, and the caller must not
 * save while {@link #state()} has errors. The submitted text is kept, so the page shows what the user typed.
 */
final class FormInput {

    private final Map<String, List<String>> values;
    private final FormState state;

    FormInput(Map<String, List<String>> values) {
        this.values = values;
        this.state = new FormState(values);
    }

    /** The form posted to the current request, read once by {@link CsrfFilters} before the resource ran. */
    static FormInput current() {
        FormData data = CurrentRequestManager.get().getFormData();
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (data != null) {
            for (String name : data) {
                List<String> all = new ArrayList<>();
                for (FormValue value : data.get(name)) {
                    if (!value.isFileItem()) {
                        all.add(value.getValue());
                    }
                }
                values.put(name, all);
            }
        }
        return new FormInput(values);
    }

    FormState state() {
        return state;
    }

    /** The stripped text, null when blank. */
    String text(String name) {
        List<String> all = values.get(name);
        if (all == null || all.isEmpty() || all.get(0).isBlank()) {
            return null;
        }
        return all.get(0).strip();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    boolean checked(String name) {
        return text(name) != null;
    }

    Double decimal(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        state.reject(name, "must be a number");
        return null;
    }

    Integer whole(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notAWholeNumber) {
            state.reject(name, "must be a whole number");
            return null;
        }
    }

    Long version(String name) {
        String text = text(name);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException tampered) {
            state.notice("The form lost track of the record's version; reload the page.");
            return null;
        }
    }

    LocalDate date(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            state.reject(name, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    /**
     * A yes/no select whose empty option means "not recorded": {@code true}, {@code false}, or null when nothing was
     * chosen. Only a tampered form sends anything else.
     */
    Boolean yesNo(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                state.reject(name, "must be Yes, No or Not recorded");
                yield null;
            }
        };
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException unknown) {
            state.reject(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    /**
     * Puts the service's refusals beside the inputs: {@code inputOf} names the input of a violation's field path,
     * or null for a refusal of the form as a whole.
     */
    void reject(List<Violation> violations, Function<String, String> inputOf) {
        for (Violation violation : violations) {
            String input = inputOf.apply(violation.field());
            if (input == null) {
                state.notice(violation.message());
            } else {
                state.reject(input, violation.message());
            }
        }
    }
}
