package org.myotrack.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as a page shows it: the values to put back in its inputs (as the user typed them, or as stored), the
 * message beside each refused input, and messages about the form as a whole.
 */
public class FormState {

    private final Map<String, List<String>> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();

    public FormState(Map<String, List<String>> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public static FormState empty() {
        return new FormState(Map.of());
    }

    public FormState set(String name, Object value) {
        if (value != null) {
            values.put(name, List.of(value.toString()));
        }
        return this;
    }

    public FormState setAll(String name, List<String> all) {
        values.put(name, List.copyOf(all));
        return this;
    }

    /** The input's value, empty when there is none. */
    public String value(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? "" : all.get(0);
    }

    /** Whether a select option or checkbox of this input holds {@code option}. */
    public boolean has(String name, String option) {
        List<String> all = values.get(name);
        return all != null && all.contains(option);
    }

    /** Records why the input was refused; the first reason is kept. */
    public FormState reject(String name, String message) {
        errors.putIfAbsent(name, message);
        return this;
    }

    public FormState notice(String message) {
        notices.add(message);
        return this;
    }

    public boolean invalid(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !notices.isEmpty();
    }

    /** Refused inputs with their messages in form order, for the summary at the top of the form. */
    public Map<String, String> errors() {
        return errors;
    }

    public List<String> notices() {
        return notices;
    }
}
