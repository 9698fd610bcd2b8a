package org.myotrack.chart;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.QueryDates;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;

/** HTTP face of a patient's trend chart, as PNG or SVG. */
@Path("/api/patients/{id}/charts")
@Tag(name = "Charts and reports")
public class ChartResource {

    @Inject
    ChartService charts;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/trend.png")
    @Produces("image/png")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Trend chart (PNG)", description = "Roles: CLINICIAN (own site), ADMIN. CK × ULN on a log axis "
            + "with the ULN line, MMT-8 (or CMAS) as % of maximum, physician global and HAQ, TIS response per visit, one "
            + "lane per drug with its doses, the prednisone-equivalent daily dose, and flag onsets, on one time axis.")
    @APIResponse(responseCode = "200", description = "The chart")
    @APIResponse(responseCode = "400", description = "width or height outside 200–4000, or a malformed from/to date")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public byte[] trendPng(@PathParam("id") long patientId,
                           @QueryParam("width") @DefaultValue("1200") @Min(value = TrendChartRenderer.MIN_SIZE, message = "must be between 200 and 4000") @Max(value = TrendChartRenderer.MAX_WIDTH, message = "must be between 200 and 4000") int width,
                           @QueryParam("height") @DefaultValue("800") @Min(value = TrendChartRenderer.MIN_SIZE, message = "must be between 200 and 4000") @Max(value = TrendChartRenderer.MAX_HEIGHT, message = "must be between 200 and 4000") int height,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        return charts.trendPng(actor.get(), patientId, width, height, QueryDates.parse("from", from), QueryDates.parse("to", to));
    }

    @GET
    @Path("/trend.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Trend chart (SVG)", description = "Roles: CLINICIAN (own site), ADMIN. The PNG chart as scalable vector graphics.")
    @APIResponse(responseCode = "200", description = "The chart")
    @APIResponse(responseCode = "400", description = "width or height outside 200–4000, or a malformed from/to date")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ApiResponses.NOT_FOUND)
    public String trendSvg(@PathParam("id") long patientId,
                           @QueryParam("width") @DefaultValue("1200") @Min(value = TrendChartRenderer.MIN_SIZE, message = "must be between 200 and 4000") @Max(value = TrendChartRenderer.MAX_WIDTH, message = "must be between 200 and 4000") int width,
                           @QueryParam("height") @DefaultValue("800") @Min(value = TrendChartRenderer.MIN_SIZE, message = "must be between 200 and 4000") @Max(value = TrendChartRenderer.MAX_HEIGHT, message = "must be between 200 and 4000") int height,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        return charts.trendSvg(actor.get(), patientId, width, height, QueryDates.parse("from", from), QueryDates.parse("to", to));
    }
}
