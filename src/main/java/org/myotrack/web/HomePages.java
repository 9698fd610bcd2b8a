package org.myotrack.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Signing in and out, and the start page of each role. */
@WebPage
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages extends WebResource {

    @Inject
    CurrentActor actor;

    @Inject
    SecurityIdentity identity;

    @Inject
    CsrfToken csrf;

    @GET
    @RolesAllowed({Role.CLINICIAN_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response home() {
        return seeOther(actor.get().role() == Role.COORDINATOR ? "/cohort" : "/clinic");
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") boolean failed, @QueryParam("expired") boolean expired,
                                  @QueryParam("signed-out") boolean signedOut,
                                  @QueryParam("held-back") Long heldBackSeconds) {
        String action = "/j_security_check?" + Csrf.FIELD + "=" + URLEncoder.encode(csrf.value(), StandardCharsets.UTF_8);
        // Only a positive whole number of seconds is shown; anything else in the address is ignored.
        Long wait = heldBackSeconds != null && heldBackSeconds > 0 ? heldBackSeconds : null;
        return Pages.login(frames.login(), failed, expired, signedOut, wait, action);
    }

    @POST
    @Path("logout")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return seeOther("/login?signed-out=true");
    }
}
