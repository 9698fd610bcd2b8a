package org.myotrack.trajectory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

/** HTTP face of a patient's response trajectory. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores and flags")
public class TrajectoryResource {

    @Inject
    TrajectoryService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/patients/{id}/trajectory")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Response trajectory: TIS, IMACS improvement and worsening per visit",
            description = "Roles: CLINICIAN (own site), ADMIN. Every visit from the baseline on, scored against it "
                    + "(2016 ACR/EULAR TIS and IMACS 2004 improvement), and against the previous visit (IMACS worsening).")
    @APIResponse(responseCode = "200", description = "The trajectory; the baseline visit is listed with `tis` null")
    @APIResponse(responseCode = "400", description = "`baseline` is neither first, regimen nor a visit id")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND + " Also a baseline visit that is not one of this patient's.")
    public TrajectoryView trajectory(@PathParam("id") long patientId,
                                     @Parameter(description = "first (default), regimen, or a visit id of this patient")
                                     @QueryParam("baseline") @DefaultValue("first") String baseline) {
        return service.trajectoryOf(actor.get(), patientId, baseline);
    }
}
