package org.myotrack.security;

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

import java.util.List;

/** HTTP face of user administration (ADMIN only). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class UserResource {

    @Inject
    UserService service;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "List users", description = "Roles: ADMIN.")
    @APIResponse(responseCode = "200", description = "All users by name, without password hashes")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public List<UserView> listUsers() {
        return service.listUsers();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Add a user", description = "Roles: ADMIN. A CLINICIAN needs `siteCode`; passwords 12–72 characters, stored as bcrypt.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "A user with this name exists")
    public Response createUser(@NotNull(message = "a JSON body is required") @Valid UserRequest request, @Context UriInfo uri) {
        UserView created = service.createUser(actor.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }
}
