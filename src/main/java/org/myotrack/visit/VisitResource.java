package org.myotrack.visit;

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

/** HTTP face of visits: a patient's visit list and each visit by id. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Visits", description = "IMACS core-set visits of a patient")
public class VisitResource {

    @Inject
    VisitService service;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/patients/{id}/visits")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Record a visit", description = "Roles: CLINICIAN of the patient's site. One visit per patient and date.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new visit")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The patient already has a visit on that date")
    public Response recordVisit(@PathParam("id") long patientId,
                                @NotNull(message = "a JSON body is required") @Valid VisitRequest request,
                                @Context UriInfo uri) {
        VisitView created = service.recordVisit(actor.get(), patientId, request);
        return Response.created(uri.getBaseUriBuilder().path("api/visits/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/patients/{id}/visits")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List a patient's visits in date order, paged", description = "Roles: CLINICIAN (own site), ADMIN.")
    @APIResponse(responseCode = "200", description = "One page of visits, oldest first")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public PageView<VisitView> listVisits(@PathParam("id") long patientId, @Valid @BeanParam PageRequest page) {
        return service.listVisitsForPatient(actor.get(), patientId, page);
    }

    @GET
    @Path("/visits/{visitId}")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Read one visit", description = "Roles: CLINICIAN (own site), ADMIN. A deleted visit is 404.")
    @APIResponse(responseCode = "200", description = "The visit")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public VisitView findVisit(@PathParam("visitId") long visitId) {
        return service.findVisitById(actor.get(), visitId).orElseThrow(() -> ProblemException.notFound("Visit " + visitId));
    }

    @PUT
    @Path("/visits/{visitId}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Correct a visit", description = "Roles: CLINICIAN of the patient's site. The body carries the `version` last read.")
    @APIResponse(responseCode = "200", description = "The corrected visit with its new version")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE + " Or another visit of the patient already has that date.")
    public VisitView updateVisit(@PathParam("visitId") long visitId,
                                 @NotNull(message = "a JSON body is required") @Valid VisitRequest request) {
        return service.updateVisit(actor.get(), visitId, request);
    }

    @DELETE
    @Path("/visits/{visitId}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Delete a visit (soft)", description = "Roles: CLINICIAN of the patient's site. The visit is kept, "
            + "marked deleted, and disappears from lists and scores; the audit trail keeps its values. "
            + "Pass `version` to refuse the delete if someone changed the visit meanwhile.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE)
    public Response deleteVisit(@PathParam("visitId") long visitId, @QueryParam("version") Long version) {
        service.deleteVisit(actor.get(), visitId, version);
        return Response.noContent().build();
    }
}
