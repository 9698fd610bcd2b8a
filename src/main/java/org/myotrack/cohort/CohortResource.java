package org.myotrack.cohort;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.myotrack.cohort.export.CohortDictionary;
import org.myotrack.cohort.export.CohortExportService;
import org.myotrack.cohort.export.DateMode;
import org.myotrack.cohort.export.ExportFormat;
import org.myotrack.cohort.export.ExportPlan;
import org.myotrack.common.ApiResponses;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.security.Role;

/** HTTP face of cohort queries, de-identified exports and the export dictionary, for coordinators. */
@Path("/api")
@Tag(name = "Cohorts")
public class CohortResource {

    private static final String FILTERS = "Filters: diagnosis, antibody (latest result positive), site, refractory, flag, "
            + "drug (ever given), from/to (a visit in that span); unknown values are refused with 400.";

    @Inject
    CohortService cohorts;

    @Inject
    CohortExportService exports;

    @Inject
    MyoTrackConfig config;

    @GET
    @Path("/cohort")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Query a cohort", description = "Roles: COORDINATOR, ADMIN. One de-identified row per patient, "
            + "answered from indexes and the stored flag state. " + FILTERS)
    @APIResponse(responseCode = "200", description = "One page of patients and the cohort's size")
    @APIResponse(responseCode = "400", description = "An unknown filter value or a page outside its range")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public PageView<CohortRow> queryCohort(@BeanParam CohortFilter filter, @Valid @BeanParam PageRequest page) {
        return cohorts.query(filter.criteria(), page);
    }

    @GET
    @Path("/cohort/export")
    @Produces({"text/csv", "application/x-ndjson", "application/fhir+ndjson"})
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Export a cohort, de-identified", description = "Roles: COORDINATOR, ADMIN. format=csv (one row "
            + "per visit with the regimen active that day), csv-wide (one row per patient), ndjson (one patient per line, "
            + "nested), fhir (FHIR R4 NDJSON). dates=shifted (default: every date moved back by one stable offset per "
            + "patient) or relative (days since diagnosis; not with fhir). Streamed with chunked transfer; headers "
            + "X-Total-Count (data rows), X-Cohort-Patients, X-K-Anonymity (smallest group over site, sex, birth year and "
            + "diagnosis as exported), X-Birth-Year-Resolution and X-K-Anonymity-Note. " + FILTERS)
    @APIResponse(responseCode = "200", description = "The export, streamed")
    @APIResponse(responseCode = "400", description = "An unknown format, dates mode or filter value")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public Response exportCohort(@QueryParam("format") String format, @QueryParam("dates") String dates,
                                 @BeanParam CohortFilter filter) {
        ExportPlan plan = exports.plan(filter.criteria(), ExportFormat.parse(format), DateMode.parse(dates));
        return exportResponse(exports, plan);
    }

    /**
     * The planned export streamed as a download, with its size and k-anonymity outcome in headers; the
     * coordinators' page serves its export buttons with the same response.
     */
    public static Response exportResponse(CohortExportService exports, ExportPlan plan) {
        StreamingOutput body = out -> exports.write(plan, out);
        return Response.ok(body, plan.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + plan.format().fileName() + "\"")
                .header("X-Total-Count", plan.rows())
                .header("X-Cohort-Patients", plan.patients())
                .header("X-K-Anonymity", plan.smallestGroup())
                .header("X-Birth-Year-Resolution", plan.birthYearBand() == 1 ? "year" : plan.birthYearBand() + "-year band")
                .header("X-K-Anonymity-Note", plan.kAnonymityNote())
                .build();
    }

    /** What an export would hold, for a page that shows it before the download starts. */
    public record ExportSummary(String format, String dates, long patients, long rows, long smallestGroup,
                                String birthYearResolution, String kAnonymityNote) {
    }

    @GET
    @Path("/cohort/export/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Summary of an export before it runs", description = "Roles: COORDINATOR, ADMIN. The same "
            + "parameters as /api/cohort/export; answers the row count and the k-anonymity outcome without the data.")
    @APIResponse(responseCode = "200", description = "Row count and k-anonymity of the export")
    @APIResponse(responseCode = "400", description = "An unknown format, dates mode or filter value")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public ExportSummary summarizeExport(@QueryParam("format") String format, @QueryParam("dates") String dates,
                                         @BeanParam CohortFilter filter) {
        ExportPlan plan = exports.plan(filter.criteria(), ExportFormat.parse(format), DateMode.parse(dates));
        return new ExportSummary(plan.format().parameter(), plan.dates().name().toLowerCase(java.util.Locale.ROOT),
                plan.patients(), plan.rows(), plan.smallestGroup(),
                plan.birthYearBand() == 1 ? "year" : plan.birthYearBand() + "-year band", plan.kAnonymityNote());
    }

    @GET
    @Path("/cohort/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Data dictionary of the exports", description = "Roles: COORDINATOR, ADMIN. Every exported "
            + "column with type, unit, allowed range, meaning and source; the nested NDJSON fields; the FHIR mapping; "
            + "the de-identification applied.")
    @APIResponse(responseCode = "200", description = "The dictionary")
    @APIResponse(responseCode = "401", description = ApiResponses.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ApiResponses.FORBIDDEN)
    public CohortDictionary.Dictionary describeExports() {
        return CohortDictionary.describe(config.export().minimumGroupSize(), config.export().birthYearBand());
    }
}
