package org.myotrack.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.common.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Holds back a user name that keeps failing to sign in from one address, for a bounded time
 * ({@code myotrack.login.*}). The count is per user name and address, so someone guessing passwords from one machine
 * holds back only their own tries: the user signing in from elsewhere, and every other user, go on as before. While a
 * key is held back no password is checked at all (no bcrypt spent): the API answers 429 problem+json with
 * {@code Retry-After}, before authentication; the login form shows how long to wait.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Routing-context key under which a refused form sign-in leaves the seconds to wait, for the login page. */
    static final String HELD_BACK_SECONDS = "myotrack.login.held-back-seconds";
    /** Above the authentication handler (200), next to the login form's CSRF check. */
    static final int PRIORITY = 260;
    private static final String BASIC = "basic ";

    private FailedLogins failedLogins;

    @Inject
    MyoTrackConfig config;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String postLocation;

    @Inject
    ObjectMapper json;

    @PostConstruct
    void start() {
        MyoTrackConfig.Login login = config.login();
        failedLogins = new FailedLogins(login.maxFailures(), login.window(), login.lockout(), login.maxLockout(),
                login.maxTracked(), System::nanoTime);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** How long this user name is still held back at the address of the request, if it is. */
    public Optional<Duration> heldBack(String username, RoutingContext context) {
        return failedLogins.heldBack(key(username, context));
    }

    public void recordFailure(String username, RoutingContext context) {
        failedLogins.recordFailure(key(username, context));
    }

    public void recordSuccess(String username, RoutingContext context) {
        failedLogins.recordSuccess(key(username, context));
    }

    /** Tells the login page, through the routing context, that a form sign-in was held back and for how long. */
    static void markHeldBack(RoutingContext context, Duration wait) {
        if (context != null) {
            context.put(HELD_BACK_SECONDS, seconds(wait));
        }
    }

    void check(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            Optional<String> username = basicUsername(context.request().getHeader(HttpHeaders.AUTHORIZATION));
            Optional<Duration> wait = username.flatMap(name -> heldBack(name, context));
            if (wait.isPresent()) {
                refuse(context, wait.get());
                return;
            }
        } else if (context.request().method() == HttpMethod.POST && postLocation.equals(path)) {
            // The form mechanism answers a failed sign-in with a redirect to its error page; a held-back one is sent to
            // the login page with the time to wait instead.
            context.addHeadersEndHandler(ignored -> {
                Long seconds = context.get(HELD_BACK_SECONDS);
                if (seconds != null && context.response().headers().contains(HttpHeaders.LOCATION)) {
                    context.response().headers().set(HttpHeaders.LOCATION, "/login?held-back=" + seconds);
                }
            });
        }
        context.next();
    }

    private void refuse(RoutingContext context, Duration wait) {
        long seconds = seconds(wait);
        String body;
        try {
            body = json.writeValueAsString(Problem.of(429, "Too Many Requests", "Too many failed sign-ins for this user"
                    + " name from this address; try again in " + seconds + " seconds"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document must always serialise", e);
        }
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .end(body);
    }

    /** The user name of an HTTP Basic header; nothing for another scheme or a header that does not decode. */
    static Optional<String> basicUsername(String authorization) {
        if (authorization == null || authorization.length() <= BASIC.length()
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String key(String username, RoutingContext context) {
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        String address = remote == null ? "" : remote.hostAddress();
        return username + '\u0000' + address;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
