package org.myotrack.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a request body larger than its endpoint takes, with a problem+json 413 before any of it is read: a CSV
 * import up to {@code myotrack.import.max-bytes}, any other (JSON) body up to {@code myotrack.max-json-bytes}. The
 * server-wide {@code quarkus.http.limits.max-body-size} cannot tell the two apart and answers with a bare 413, so it is
 * kept as a ceiling above both. A JSON body must say its length (411 otherwise), so it is judged before it is read;
 * an import may be sent without one (chunked), and the importer counts it while it reads.
 */
@ApplicationScoped
public class RequestBodyLimits {

    /** Path prefix of the CSV imports, which take files far larger than any JSON body. */
    public static final String IMPORT_PATH_PREFIX = "/api/import/";

    private static final String SERVER_CEILING = "quarkus.http.limits.max-body-size";

    @Inject
    MyoTrackConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long ceiling = ConfigProvider.getConfig().getValue(SERVER_CEILING, MemorySize.class).asLongValue();
        long importLimit = config.importing().maxBytes().asLongValue();
        long jsonLimit = config.maxJsonBytes().asLongValue();
        if (importLimit >= ceiling || jsonLimit >= ceiling) {
            throw new IllegalStateException("myotrack.import.max-bytes and myotrack.max-json-bytes must stay below "
                    + SERVER_CEILING + " (" + describe(ceiling) + "); raise that ceiling or lower them");
        }
        // Right after the server's own ceiling check, before authentication and the REST layer read anything.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(context -> check(context, importLimit, jsonLimit));
    }

    /** The refusal of an import larger than the limit, also raised by the importer while it reads a chunked upload. */
    public static ProblemException importTooLarge(long limit) {
        return ProblemException.tooLarge("The file is larger than the " + describe(limit)
                + " one import takes; split it into smaller files and import each");
    }

    private void check(RoutingContext context, long importLimit, long jsonLimit) {
        boolean importing = context.normalizedPath().startsWith(IMPORT_PATH_PREFIX);
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared = parseLength(length);
            if (importing && declared > importLimit) {
                refuse(context, importTooLarge(importLimit));
                return;
            }
            if (!importing && declared > jsonLimit) {
                refuse(context, ProblemException.tooLarge("The request body is larger than the " + describe(jsonLimit)
                        + " this endpoint takes"));
                return;
            }
        } else if (!importing && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A JSON body of unknown length could only be cut off while it is read, after the answer has begun, with a
            // bare 413 and no explanation; JSON bodies are small, so every client can say their length up front.
            refuse(context, new ProblemException(411, "Length Required",
                    "Send a JSON body with its Content-Length; only CSV imports may be sent without one"));
            return;
        }
        context.next();
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException malformed) {
            // The HTTP codec has already refused a malformed length; whatever gets here is left to it.
            return -1;
        }
    }

    private void refuse(RoutingContext context, ProblemException problem) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of(problem.status(), problem.title(), problem.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document must always serialise", e);
        }
        // The unread body is not drained: the connection is closed once the refusal is sent, as the server's own
        // ceiling check does.
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(body);
    }

    /** A byte count as people read it: {@code 50 MB}, {@code 512 KB}, or bytes. */
    static String describe(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
