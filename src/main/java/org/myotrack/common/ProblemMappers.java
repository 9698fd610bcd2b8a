package org.myotrack.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP responses: every 4xx and 5xx leaves as problem+json, names the
 * offending field where there is one, and never carries a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** When a write refused for a held patient may be sent again: a little over the import of a few thousand rows. */
    static final String RETRY_AFTER_SECONDS = "10";
    /** Why a write that waited too long for its patient was not saved, for the API and the pages alike. */
    public static final String HELD_PATIENT = "Another change to this patient is under way (a file import, for example);"
            + " nothing was saved. Send it again in a moment";

    @ServerExceptionMapper
    public Response mapProblem(ProblemException problem) {
        if (problem.rows() != null) {
            return respond(Problem.withRows(problem.status(), problem.title(), problem.getMessage(), problem.rows(),
                    problem.errorCount()));
        }
        return respond(Problem.withViolations(problem.status(), problem.title(), problem.getMessage(), problem.violations()));
    }

    @ServerExceptionMapper
    public Response mapConstraintViolations(ConstraintViolationException exception) {
        return mapProblem(ProblemException.invalid(Violations.of(exception.getConstraintViolations())));
    }

    @ServerExceptionMapper
    public Response mapUnknownField(UnrecognizedPropertyException exception) {
        String field = pathOf(exception);
        return mapProblem(ProblemException.invalid(List.of(new Violation(field,
                "is not a known field; allowed: " + exception.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().collect(Collectors.joining(", "))))));
    }

    @ServerExceptionMapper
    public Response mapInvalidFormat(InvalidFormatException exception) {
        Class<?> target = exception.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else {
            message = "must be " + describe(target);
        }
        return mapProblem(ProblemException.invalid(List.of(new Violation(pathOf(exception), message))));
    }

    /**
     * A value of the wrong shape (text where a list belongs, a list where a number belongs). Quarkus has its own mapper
     * for this exception, more specific than {@link JsonMappingException}, that answers plain JSON; this one keeps it
     * problem+json and names the field.
     */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException exception) {
        String field = pathOf(exception);
        if (field.isEmpty()) {
            return mapJsonMapping(exception);
        }
        Class<?> target = exception.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (target != null && (java.util.Collection.class.isAssignableFrom(target) || target.isArray())) {
            message = "must be a list";
        } else if (target != null && target.isRecord()) {
            message = "must be an object";
        } else {
            message = "must be " + describe(target);
        }
        return mapProblem(ProblemException.invalid(List.of(new Violation(field, message))));
    }

    @ServerExceptionMapper
    public Response mapJsonMapping(JsonMappingException exception) {
        String field = pathOf(exception);
        if (field.isEmpty()) {
            return respond(Problem.of(400, "Malformed request body",
                    "The body is not the JSON object this endpoint expects"));
        }
        return mapProblem(ProblemException.invalid(List.of(new Violation(field, "has the wrong type or shape"))));
    }

    @ServerExceptionMapper
    public Response mapMalformedJson(JsonProcessingException exception) {
        var location = exception.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String original = exception.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field ")) {
            // Jackson's own words name the field, e.g. Duplicate field 'version'.
            return respond(Problem.of(400, "Malformed JSON", "The request body names a field twice: "
                    + original.substring("Duplicate field ".length()) + where));
        }
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where));
    }

    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException exception) {
        return respond(Problem.of(409, "Conflict", "The record was changed by someone else; reload it and apply your change again"));
    }

    @ServerExceptionMapper
    public Response mapStaleState(StaleStateException exception) {
        return mapOptimisticLock(null);
    }

    /**
     * A write that waited for a patient another transaction holds, longer than the database lets it (H2: 10 s), or
     * that the database chose to undo to end a deadlock: a large import holds each of its patients until it commits.
     * Nothing was saved and nothing is wrong with the request; sent again a little later, it goes through.
     */
    @ServerExceptionMapper({org.hibernate.PessimisticLockException.class, jakarta.persistence.PessimisticLockException.class,
            jakarta.persistence.LockTimeoutException.class})
    public Response mapLockTimeout(RuntimeException exception) {
        LOG.infof("A write waited too long for a patient another transaction holds: %s", exception.getMessage());
        return Response.fromResponse(respond(Problem.of(409, "Conflict", HELD_PATIENT)))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response mapUnauthorized(RuntimeException exception) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", "Valid credentials are required")))
                .header("WWW-Authenticate", "Basic realm=\"MyoTrack\"").build();
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException exception) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this"));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? mapJsonMapping(mapping) : mapMalformedJson(json);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return mapUnexpected(exception);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "The requested media type is not available";
            case 415 -> "Send the body in the media type this endpoint takes: application/json, or text/csv for imports";
            default -> title;
        };
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
                return mapOptimisticLock(null);
            }
        }
        String incident = UUID.randomUUID().toString();
        // Exception messages can quote submitted values (SQL parameters, parse errors): the log names only the
        // exception types and where they arose, so no patient data reaches it; details are at DEBUG level.
        LOG.errorf("Unexpected failure, incident %s: %s at %s", incident, causeChain(exception),
                exception.getStackTrace().length > 0 ? exception.getStackTrace()[0] : "unknown");
        LOG.debugf(exception, "Incident %s", incident);
        return respond(Problem.of(500, "Internal Server Error",
                "The registry could not complete the request; nothing was saved. Incident " + incident));
    }

    private static String causeChain(Throwable exception) {
        StringBuilder chain = new StringBuilder(exception.getClass().getName());
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String pathOf(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "of the expected type";
        }
        if (target == java.time.LocalDate.class) {
            return "an ISO-8601 date (YYYY-MM-DD)";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return target == Integer.class || target == int.class || target == Long.class || target == long.class
                    ? "a whole number" : "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        return "of type " + target.getSimpleName();
    }
}
