package org.myotrack.therapy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

/** HTTP face of therapies: a patient's list and each entry by id. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Therapies")
public class TherapyResource {

    @Inject
    TherapyService service;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/patients/{id}/therapies")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Record a therapy period", description = "Roles: CLINICIAN of the patient's site.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new entry")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public Response recordTherapy(@PathParam("id") long patientId,
                                @NotNull(message = "a JSON body is required") @Valid TherapyRequest request,
                                @Context UriInfo uri) {
        TherapyView created = service.recordTherapy(actor.get(), patientId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/therapies/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/patients/{id}/therapies")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List a patient's therapies in date order, paged", description = "Roles: CLINICIAN (own site), ADMIN.")
    @APIResponse(responseCode = "200", description = "One page, oldest first")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public PageView<TherapyView> listTherapies(@PathParam("id") long patientId, @Valid @BeanParam PageRequest page) {
        return service.listTherapiesForPatient(actor.get(), patientId, page);
    }

    @GET
    @Path("/therapies/{therapyId}")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Read a therapy period", description = "Roles: CLINICIAN (own site), ADMIN. A deleted entry is 404.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public TherapyView findTherapy(@PathParam("therapyId") long id) {
        return service.findTherapyById(actor.get(), id).orElseThrow(() -> ProblemException.notFound("Therapy " + id));
    }

    @PUT
    @Path("/therapies/{therapyId}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Correct a therapy period", description = "Roles: CLINICIAN of the patient's site. The body carries the `version` last read.")
    @APIResponse(responseCode = "200", description = "The corrected entry with its new version")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE)
    public TherapyView updateTherapy(@PathParam("therapyId") long id,
                               @NotNull(message = "a JSON body is required") @Valid TherapyRequest request) {
        return service.updateTherapy(actor.get(), id, request);
    }

    @DELETE
    @Path("/therapies/{therapyId}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Delete a therapy period (soft)", description = "Roles: CLINICIAN of the patient's site. Kept and marked "
            + "deleted; the audit trail keeps its values. Pass `version` to refuse the delete if it changed meanwhile.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE)
    public Response deleteTherapy(@PathParam("therapyId") long id, @QueryParam("version") Long version) {
        service.deleteTherapy(actor.get(), id, version);
        return Response.noContent().build();
    }
}
