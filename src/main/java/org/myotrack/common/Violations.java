package org.myotrack.common;

import java.util.ArrayList;
import java.util.List;

/** Collects cross-field refusals of one request so the caller sees all of them at once. */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    public Violations check(boolean valid, String field, String message) {
        if (!valid) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws a 400 problem naming every collected violation, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(found);
        }
    }
}
