package org.myotrack.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.common.QueryEnums;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

/** HTTP face of patients: translates requests to {@link PatientService} calls and results to statuses. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Identified patient records (clinicians of the patient's site; ADMIN reads)")
public class PatientResource {

    @Inject
    PatientService service;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/patients")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Register a patient", description = "Roles: CLINICIAN, for their own site only.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new patient")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", description = "The site already has a patient with this externalId")
    public Response recordPatient(@NotNull(message = "a JSON body is required") @Valid PatientRequest request,
                                  @Context UriInfo uri) {
        PatientView created = service.recordPatient(actor.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/patients")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List patients, paged",
            description = "Roles: CLINICIAN (own site only), ADMIN (all sites, `site` filter).")
    @APIResponse(responseCode = "200", description = "One page of patients ordered by id")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public PageView<PatientView> listPatients(@QueryParam("diagnosis") String diagnosis,
                                              @QueryParam("site") String siteCode,
                                              @Valid @BeanParam PageRequest page) {
        return service.listPatients(actor.get(), QueryEnums.parse("diagnosis", diagnosis, Diagnosis.class), siteCode, page);
    }

    @GET
    @Path("/patients/{id}")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Read one patient", description = "Roles: CLINICIAN (own site), ADMIN.")
    @APIResponse(responseCode = "200", description = "The patient")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public PatientView findPatient(@PathParam("id") long id) {
        return service.findPatientById(actor.get(), id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
    }

    @PUT
    @Path("/patients/{id}")
    @RolesAllowed(Role.CLINICIAN_NAME)
    @Operation(summary = "Update a patient", description = "Roles: CLINICIAN of the patient's site. The body carries the `version` last read.")
    @APIResponse(responseCode = "200", description = "The updated patient with its new version")
    @APIResponse(responseCode = "400", description = ApiResponses.INVALID)
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ApiResponses.STALE)
    public PatientView updatePatient(@PathParam("id") long id,
                                     @NotNull(message = "a JSON body is required") @Valid PatientRequest request) {
        return service.updatePatient(actor.get(), id, request);
    }
}
