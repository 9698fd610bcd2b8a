package org.myotrack.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.myotrack.common.Violation;
import org.myotrack.common.Violations;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the Bean Validation constraints of a request record, as the REST API does at its edge, so a form is refused
 * with the same messages as the same values sent as JSON; the service's own checks follow when it is called.
 */
@ApplicationScoped
public class RequestChecks {

    @Inject
    Validator validator;

    /** Refuses beside their inputs the request's constraint violations; true when there were none. */
    boolean check(Object request, FormInput input, Function<String, String> inputOf) {
        List<Violation> violations = validator.validate(request).stream()
                .map(v -> new Violation(Violations.fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        input.reject(violations, inputOf);
        return violations.isEmpty();
    }
}
