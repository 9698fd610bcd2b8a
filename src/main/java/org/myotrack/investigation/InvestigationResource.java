package org.myotrack.investigation;

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

/** HTTP face of investigations: a patient's list and each entry by id. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Investigations")
public class InvestigationResource {

    @Inject
    InvestigationService service;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/patients/{id}/investigations")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Record an investigation", description = "Roles: CLINICIAN of the patient's site.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new entry")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public Response recordInvestigation(@PathParam("id") long patientId,
                                @NotNull(message = "a JSON body is required") @Valid InvestigationRequest request,
                                @Context UriInfo uri) {
        InvestigationView created = service.recordInvestigation(actor.get(), patientId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/investigations/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/patients/{id}/investigations")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List a patient's investigations in date order, paged", description = "Roles: CLINICIAN (own site), ADMIN.")
    @APIResponse(responseCode = "200", description = "One page, oldest first")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public PageView<InvestigationView> listInvestigations(@PathParam("id") long patientId, @Valid @BeanParam PageRequest page) {
        return service.listInvestigationsForPatient(actor.get(), patientId, page);
    }

    @GET
    @Path("/investigations/{investigationId}")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Read an investigation", description = "Roles: CLINICIAN (own site), ADMIN. A deleted entry is 404.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public InvestigationView findInvestigation(@PathParam("investigationId") long id) {
        return service.findInvestigationById(actor.get(), id).orElseThrow(() -> ProblemException.notFound("Investigation " + id));
    }

    @PUT
    @Path("/investigations/{investigationId}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Correct an investigation", description = "Roles: CLINICIAN of the patient's site. The body carries the `version` last read.")
    @APIResponse(responseCode = "200", description = "The corrected entry with its new version")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE)
    public InvestigationView updateInvestigation(@PathParam("investigationId") long id,
                               @NotNull(message = "a JSON body is required") @Valid InvestigationRequest request) {
        return service.updateInvestigation(actor.get(), id, request);
    }

    @DELETE
    @Path("/investigations/{investigationId}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Delete an investigation (soft)", description = "Roles: CLINICIAN of the patient's site. Kept and marked "
            + "deleted; the audit trail keeps its values. Pass `version` to refuse the delete if it changed meanwhile.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE)
    public Response deleteInvestigation(@PathParam("investigationId") long id, @QueryParam("version") Long version) {
        service.deleteInvestigation(actor.get(), id, version);
        return Response.noContent().build();
    }
}
