package org.myotrack.cohort;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
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
import org.myotrack.common.ProblemException;
import org.myotrack.chart.TrendChartRenderer;
import org.myotrack.security.Role;

import java.util.Set;

/** HTTP face of the cohort charts. */
@Path("/api/cohort/charts")
@Tag(name = "Cohorts")
public class CohortChartResource {

    /** The cohort charts by name, as the API and the coordinators' page serve them. */
    public static final Set<String> CHARTS = Set.of("response-over-time", "refractory-by-antibody", "therapy-swimmer");

    @Inject
    CohortChartService charts;

    @GET
    @Path("/{name}.png")
    @Produces("image/png")
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Cohort chart (PNG)", description = "Roles: COORDINATOR, ADMIN. `response-over-time` (share of "
            + "patients per TIS response category by months since diagnosis), `refractory-by-antibody` (refractory share "
            + "per serology group with counts: the one myositis-specific antibody whose latest result is positive, "
            + "several, or none, as the antibody filter reads serology), `therapy-swimmer` (one row per patient, the "
            + "first 40 of the cohort, drug bars over time from each patient's start, flag onsets marked). "
            + "De-identified: registry codes only. "
            + "Filters as /api/cohort: diagnosis, antibody, site, refractory, flag, drug, from, to.")
    @APIResponse(responseCode = "200", description = "The chart")
    @APIResponse(responseCode = "400", description = "An unknown filter value, or a size outside 200–4000")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No chart of that name")
    public byte[] chart(@PathParam("name") String name, @BeanParam CohortFilter filter,
                        @QueryParam("width") @DefaultValue("1200") @Min(value = TrendChartRenderer.MIN_SIZE, message = "must be between 200 and 4000") @Max(value = TrendChartRenderer.MAX_WIDTH, message = "must be between 200 and 4000") int width,
                        @QueryParam("height") @DefaultValue("800") @Min(value = TrendChartRenderer.MIN_SIZE, message = "must be between 200 and 4000") @Max(value = TrendChartRenderer.MAX_HEIGHT, message = "must be between 200 and 4000") int height) {
        if (!CHARTS.contains(name)) {
            throw ProblemException.notFound("Cohort chart " + name + " (charts: response-over-time, refractory-by-antibody, therapy-swimmer)");
        }
        return charts.chart(name, filter.criteria(), width, height);
    }
}
