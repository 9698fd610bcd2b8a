package org.myotrack.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

import java.util.Optional;
import java.util.Set;

/**
 * Checks the CSRF token of every form a web page posts, before the resource runs, and gives a browser without a
 * token cookie its token with the page that first renders a form. Bound to {@link WebPage} resources only: the
 * REST API uses HTTP Basic, which no other site can make a browser send, and is left exactly as it was.
 */
public class CsrfFilters {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfToken token;

    @ServerRequestFilter
    @WithFormRead
    @WebPage
    public Optional<Response> checkToken(ContainerRequestContext request) {
        jakarta.ws.rs.core.Cookie cookie = request.getCookies().get(Csrf.COOKIE);
        String cookieToken = cookie == null ? null : cookie.getValue();
        if (Csrf.wellFormed(cookieToken)) {
            token.accept(cookieToken);
        }
        if (SAFE_METHODS.contains(request.getMethod())) {
            return Optional.empty();
        }
        Object sent = CurrentRequestManager.get().getFormParameter(Csrf.FIELD, true, false);
        if (Csrf.matches(cookieToken, sent instanceof String value ? value : null)) {
            return Optional.empty();
        }
        TemplateInstance page = Pages.error(Frame.anonymous("Form expired"), 403, "This form has expired",
                "The page you sent the form from is no longer valid (it may be older than your session). "
                        + "Go back, reload the page and send it again.");
        return Optional.of(Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build());
    }

    @ServerResponseFilter
    @WebPage
    public void issueToken(ContainerRequestContext request, ContainerResponseContext response) {
        if (token.issued()) {
            NewCookie cookie = new NewCookie.Builder(Csrf.COOKIE).value(token.value()).path("/").httpOnly(true)
                    .secure("https".equals(request.getUriInfo().getRequestUri().getScheme()))
                    .sameSite(NewCookie.SameSite.STRICT).build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
