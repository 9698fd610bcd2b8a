package org.myotrack.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

/** HTTP face of the PDF patient report. */
@Path("/api/patients/{id}/report.pdf")
@Tag(name = "Charts and reports")
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    CurrentActor actor;

    @GET
    @Produces("application/pdf")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Patient report (PDF)", description = "Roles: CLINICIAN (own site; identified, with the external "
            + "id), ADMIN (any site; registry code and birth year, no external id). Not for coordinators: a report "
            + "carries real visit dates, which only de-identified exports may give them shifted. Header, trend "
            + "chart, visit table with TIS and response, flags with evidence and references, therapy history.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public Response report(@PathParam("id") long patientId) {
        byte[] pdf = reports.patientReport(actor.get(), patientId);
        return Response.ok(pdf).header("Content-Disposition", "inline; filename=\"patient-report.pdf\"").build();
    }
}
