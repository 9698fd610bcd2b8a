package org.myotrack.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the CSRF token of the login form. The form posts to the form-authentication mechanism, which runs before
 * any resource and reads the body itself, so the login page puts the token in the post's query string and this
 * filter compares it with the cookie before authentication starts: another site cannot sign a browser in as
 * someone else.
 */
@ApplicationScoped
public class LoginCsrfCheck {

    /** Above the authentication handler (200), so the check comes first. */
    static final int PRIORITY = 250;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String postLocation;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && postLocation.equals(context.normalizedPath())) {
            Cookie cookie = context.request().getCookie(Csrf.COOKIE);
            if (!Csrf.matches(cookie == null ? null : cookie.getValue(), context.request().getParam(Csrf.FIELD))) {
                context.response().setStatusCode(303).putHeader("Location", "/login?expired=true").end();
                return;
            }
        }
        context.next();
    }
}
