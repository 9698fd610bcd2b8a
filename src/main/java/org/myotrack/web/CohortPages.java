package org.myotrack.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.myotrack.cohort.CohortChartResource;
import org.myotrack.cohort.CohortChartService;
import org.myotrack.cohort.CohortCriteria;
import org.myotrack.cohort.CohortFilter;
import org.myotrack.cohort.CohortResource;
import org.myotrack.cohort.CohortRow;
import org.myotrack.cohort.CohortService;
import org.myotrack.cohort.export.CohortExportService;
import org.myotrack.cohort.export.DateMode;
import org.myotrack.cohort.export.ExportFormat;
import org.myotrack.cohort.export.ExportPlan;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.security.Role;
import org.myotrack.site.SiteService;
import org.myotrack.site.SiteView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The coordinators' cohort page: the filters of {@code /api/cohort}, the counts, the cohort charts and one export
 * button per format with its k-anonymity outcome, and its row count when asked for. Everything on it is
 * de-identified: the rows are those of the cohort API (registry code, site, subgroup, sex, birth year), never an
 * external id or a date.
 */
@WebPage
@Path("/cohort")
public class CohortPages extends WebResource {

    /** Cohort rows listed under the counts. */
    static final int PAGE_SIZE = 25;

    @Inject
    CohortService cohorts;

    @Inject
    CohortExportService exports;

    @Inject
    CohortChartService charts;

    @Inject
    SiteService sites;

    /** How long the coordinator's browser may show a cohort chart it has drawn before asking again. */
    static final int CHART_MAX_AGE_SECONDS = 300;

    /**
     * One export button: where it downloads from, what k-anonymity did to birth years, and its data rows when the
     * coordinator asked the page to count them (null otherwise).
     */
    public record ExportOption(String format, String label, String href, String note, String unavailable, Long rows) {
    }

    /** One cohort chart of the page and what it shows. */
    public record ChartLink(String title, String source) {
    }

    /** The page's results for the filters as submitted. */
    public record CohortView(String query, long patients, long refractory, List<CohortRow> rows, int page, int pages,
                             List<ExportOption> exports, List<ChartLink> charts, List<String> siteCodes, boolean valid,
                             boolean counted, String countHref) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response cohort(@BeanParam CohortFilter filter, @QueryParam("dates") String dates,
                           @QueryParam("page") @DefaultValue("0") String page, @QueryParam("counts") String counts) {
        FormState form = filterForm(filter, dates);
        List<String> siteCodes = sites.listSites().stream().map(SiteView::code).toList();
        CohortCriteria criteria = null;
        DateMode dateMode = null;
        try {
            criteria = filter.criteria();
            dateMode = DateMode.parse(dates);
        } catch (ProblemException refused) {
            refused.violations().forEach(v -> form.reject(v.field(), v.message()));
        }
        // Counting each format's rows is asked for with counts=true; any other value than true or false is a mistyped
        // address, shown as such rather than quietly read as "no".
        if (counts != null && !counts.equals("true") && !counts.equals("false")) {
            form.reject("counts", "must be true or false");
        }
        // A page number out of range or not a number is refused as the API refuses it, not shown as the first page.
        Integer current = PageRequest.pageNumber(page);
        if (current == null) {
            form.reject("page", PageRequest.PAGE_MESSAGE);
        }
        if (form.hasErrors() || criteria == null || dateMode == null || current == null) {
            CohortView none = new CohortView("", 0, 0, List.of(), 0, 1, List.of(), List.of(), siteCodes, false, false, null);
            return page(400, Pages.cohort(frames.of("Cohort", "cohort"), none, form));
        }
        String query = queryOf(filter, dates);
        PageView<CohortRow> rows = cohorts.query(criteria, PageRequest.of(current, PAGE_SIZE));
        long refractory = criteria.refractory() != null ? (criteria.refractory() ? rows.total() : 0)
                : cohorts.count(new CohortCriteria(criteria.diagnosis(), criteria.antibody(), criteria.siteCode(), true,
                criteria.flag(), criteria.drug(), criteria.from(), criteria.to()));
        // The k-anonymity outcome is the same for every format: planned once, as for an NDJSON export, whose rows
        // are the patients. Each format's own row count is counted only when the coordinator asks (counts=true):
        // those of csv and fhir count every visit, enzyme result and therapy of the cohort, which takes 8 s and 24 s
        // for the whole of a 100,000-patient registry, and the page would wait for them on every load.
        boolean counted = "true".equals(counts);
        String kAnonymity = exports.plan(criteria, ExportFormat.NDJSON, dateMode).kAnonymityNote();
        List<ExportOption> options = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            ExportOption option = exportOption(format, dateMode, query, kAnonymity);
            if (counted && option.href() != null) {
                option = new ExportOption(option.format(), option.label(), option.href(), option.note(), null,
                        exports.rows(criteria, format, rows.total()));
            }
            options.add(option);
        }
        List<ChartLink> chartSources = CohortChartResource.CHARTS.stream().sorted()
                .map(name -> new ChartLink(switch (name) {
                    case "response-over-time" -> "TIS response by months since diagnosis";
                    case "refractory-by-antibody" -> "Refractory share by serology group";
                    default -> "Therapies of the first patients over time";
                }, "/cohort/charts/" + name + ".png" + (query.isEmpty() ? "" : "?" + query))).toList();
        int pages = (int) Math.max(1, (rows.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String countHref = "/cohort?" + (query.isEmpty() ? "" : query + "&") + "counts=true#exports";
        CohortView view = new CohortView(query, rows.total(), refractory, rows.items(), current, pages, options,
                chartSources, siteCodes, true, counted, countHref);
        return page(200, Pages.cohort(frames.of("Cohort", "cohort"), view, form));
    }

    @GET
    @Path("/charts/{name}.png")
    @Produces("image/png")
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response chart(@PathParam("name") String name, @BeanParam CohortFilter filter) {
        if (!CohortChartResource.CHARTS.contains(name)) {
            throw ProblemException.notFound("Cohort chart " + name);
        }
        byte[] png = charts.chart(name, filter.criteria(), 900, 560);
        // Kept by the coordinator's own browser for five minutes: the page shows the same charts on each of its pages
        // of rows and after going back, and a chart of the whole of a 100,000-patient registry takes 7 to 33 s to
        // draw. Shares over a cohort a few minutes old are what a coordinator reads them as; new filters are a new
        // address and are drawn afresh.
        return Response.ok(png, "image/png").header("Cache-Control", "private, max-age=" + CHART_MAX_AGE_SECONDS).build();
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson", "application/fhir+ndjson"})
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response export(@QueryParam("format") String format, @QueryParam("dates") String dates,
                           @BeanParam CohortFilter filter) {
        ExportPlan plan = exports.plan(filter.criteria(), ExportFormat.parse(format), DateMode.parse(dates));
        return CohortResource.exportResponse(exports, plan);
    }

    private static ExportOption exportOption(ExportFormat format, DateMode dates, String query, String kAnonymity) {
        String label = switch (format) {
            case CSV -> "CSV, one row per visit";
            case CSV_WIDE -> "CSV, one row per patient";
            case NDJSON -> "NDJSON, one patient per line";
            case FHIR -> "FHIR R4 NDJSON";
        };
        String datesRefused = CohortExportService.refusedDates(format, dates);
        if (datesRefused != null) {
            return new ExportOption(format.parameter(), label, null, kAnonymity, "Not available: dates " + datesRefused, null);
        }
        String href = "/cohort/export?format=" + format.parameter() + (query.isEmpty() ? "" : "&" + query);
        return new ExportOption(format.parameter(), label, href, kAnonymity, null, null);
    }

    private static FormState filterForm(CohortFilter filter, String dates) {
        FormState form = FormState.empty();
        parameters(filter, dates).forEach(form::set);
        return form;
    }

    private static Map<String, String> parameters(CohortFilter filter, String dates) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("diagnosis", filter.diagnosis);
        parameters.put("antibody", filter.antibody);
        parameters.put("site", filter.site);
        parameters.put("refractory", filter.refractory);
        parameters.put("flag", filter.flag);
        parameters.put("drug", filter.drug);
        parameters.put("from", filter.from);
        parameters.put("to", filter.to);
        parameters.put("dates", dates);
        parameters.values().removeIf(value -> value == null || value.isBlank());
        return parameters;
    }

    /** The submitted filters as a query string, for the chart and export links. */
    private static String queryOf(CohortFilter filter, String dates) {
        return parameters(filter, dates).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
