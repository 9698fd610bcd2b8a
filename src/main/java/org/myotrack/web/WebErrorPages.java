package org.myotrack.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.myotrack.common.ProblemException;
import org.myotrack.common.ProblemMappers;

import java.net.URI;

/**
 * Refusals of the web pages as HTML pages, and a user whose session has ended sent to the login page. Ahead of
 * the REST API's problem+json mappers, but only for {@link WebPage} resources: for any other resource the
 * refusal goes to {@link ProblemMappers} exactly as before.
 */
public class WebErrorPages {

    /** Ahead of the API's mappers at the default priority. */
    static final int PRIORITY = Priorities.USER - 100;

    @Inject
    ProblemMappers problems;

    @Inject
    Frames frames;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String postLocation;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapProblem(ProblemException problem, SimpleResourceInfo resource) {
        if (!isPage(resource)) {
            return problems.mapProblem(problem);
        }
        if (problem.status() == 404) {
            return notFound();
        }
        String heading = problem.status() == 403 ? "Not allowed" : problem.title();
        return WebResource.page(problem.status(), Pages.error(errorFrame(heading), problem.status(), heading, problem.getMessage()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapForbidden(ForbiddenException forbidden, SimpleResourceInfo resource) {
        if (!isPage(resource)) {
            return problems.mapForbidden(forbidden);
        }
        return WebResource.page(403, Pages.error(errorFrame("Not allowed"), 403, "Not allowed",
                "Your role does not open this page: clinicians work with their own site's patients, coordinators "
                        + "with de-identified cohorts."));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapUnauthorized(UnauthorizedException unauthorized, SimpleResourceInfo resource) {
        if (!isPage(resource)) {
            return problems.mapUnauthorized(unauthorized);
        }
        return Response.seeOther(URI.create("/login")).build();
    }

    /**
     * A wrong password on the login form, or a session whose user no longer exists: back to the login page. The
     * form's post is answered by Quarkus, not by a resource, so it is told apart by its path; the API keeps its 401.
     */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapFailedSignIn(AuthenticationFailedException failed, HttpServerRequest request) {
        String path = request == null ? null : request.path();
        if (path == null || path.startsWith("/api/") || path.startsWith("/q/")) {
            return problems.mapUnauthorized(failed);
        }
        return Response.seeOther(URI.create(path.equals(postLocation) ? "/login?error=true" : "/login")).build();
    }

    /** A form whose patient another change held for too long (a file import): nothing saved, to be sent again. */
    @ServerExceptionMapper(priority = PRIORITY, value = {org.hibernate.PessimisticLockException.class,
            jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class})
    public Response mapHeldPatient(RuntimeException held, SimpleResourceInfo resource) {
        if (!isPage(resource)) {
            return problems.mapLockTimeout(held);
        }
        return WebResource.page(409, Pages.error(errorFrame("Not saved"), 409, "Not saved", ProblemMappers.HELD_PATIENT
                + " from the form (your browser's Back button)."));
    }

    /** An unknown address under the pages (no resource matched it) is a page too; under /api it stays problem+json. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mapNotFound(NotFoundException notFound, SimpleResourceInfo resource, HttpServerRequest request) {
        String path = request == null ? "" : request.path();
        if (isPage(resource) || path.startsWith("/clinic/") || path.startsWith("/cohort/")) {
            return notFound();
        }
        return problems.mapWebApplication(notFound);
    }

    private static boolean isPage(SimpleResourceInfo resource) {
        return resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(WebPage.class);
    }

    private Response notFound() {
        return WebResource.page(404, Pages.error(errorFrame("Not found"), 404, "Not found",
                "There is no such page or record, or it belongs to another site."));
    }

    private Frame errorFrame(String title) {
        try {
            return frames.of(title, null);
        } catch (UnauthorizedException anonymous) {
            return Frame.anonymous(title);
        }
    }
}
