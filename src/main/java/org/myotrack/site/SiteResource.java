package org.myotrack.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

import java.util.List;

/** HTTP face of sites: administrators add them, every signed-in user can list them. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SiteResource {

    @Inject
    SiteService service;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.CLINICIAN_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List sites", description = "Roles: any signed-in user.")
    @APIResponse(responseCode = "200", description = "All sites by code")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    public List<SiteView> listSites() {
        return service.listSites();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Add a site", description = "Roles: ADMIN.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A site with this code exists")
    public Response createSite(@NotNull(message = "a JSON body is required") @Valid SiteRequest request, @Context UriInfo uri) {
        SiteView created = service.createSite(actor.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
