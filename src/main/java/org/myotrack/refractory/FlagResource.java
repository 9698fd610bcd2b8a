package org.myotrack.refractory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

/** HTTP face of a patient's refractory flags and work-up prompts. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores and flags")
public class FlagResource {

    @Inject
    FlagService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/patients/{id}/flags")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Refractory flags and work-up prompts, with their evidence",
            description = "Roles: CLINICIAN (own site), ADMIN. Rules of clinical.md §6, evaluated on the current record; "
                    + "each flag names since when it holds, what to do, the visits, therapies and investigations that "
                    + "decided it, and its reference. `rulesVersion` names the rule set and thresholds used.")
    @APIResponse(responseCode = "200", description = "The flags, in rule order")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public FlagsView flags(@PathParam("id") long patientId) {
        return service.flagsOf(actor.get(), patientId);
    }
}
