package org.myotrack.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.myotrack.chart.ChartService;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.investigation.InvestigationService;
import org.myotrack.investigation.InvestigationView;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.AutoantibodyEntry;
import org.myotrack.patient.PatientService;
import org.myotrack.patient.PatientView;
import org.myotrack.refractory.Evidence;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.FlagView;
import org.myotrack.refractory.FlagsView;
import org.myotrack.report.ReportService;
import org.myotrack.security.Actor;
import org.myotrack.security.CurrentActor;
import org.myotrack.security.Role;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.therapy.TherapyService;
import org.myotrack.therapy.TherapyView;
import org.myotrack.trajectory.TrajectoryService;
import org.myotrack.trajectory.TrajectoryView;
import org.myotrack.trajectory.TrajectoryVisitView;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitService;
import org.myotrack.visit.VisitView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The physician's view of one patient: trend chart, visits with TIS and response, flags with their evidence,
 * therapy timeline and investigations, each read from the service that owns it; the chart and the PDF report are
 * streamed by routes of the page itself, so they carry the page's session.
 */
@WebPage
@Path("/clinic/patients/{id: \\d+}")
@Produces(MediaType.TEXT_HTML)
public class PatientPages extends WebResource {

    /** Size of the trend chart on the page: the width of the content column at 1280 px. */
    static final int CHART_WIDTH = 1180;
    static final int CHART_HEIGHT = 760;
    private static final String MISSING = "–";

    @Inject
    PatientService patients;

    @Inject
    VisitService visits;

    @Inject
    TrajectoryService trajectories;

    @Inject
    FlagService flags;

    @Inject
    TherapyService therapies;

    @Inject
    InvestigationService investigations;

    @Inject
    ChartService charts;

    @Inject
    ReportService reports;

    @Inject
    CurrentActor actor;

    /**
     * One row of the visit table: the core set as entered, the rules version 2 inputs (weight, CDASI, the ENMC yes/no
     * findings worded for reading) and the scores of that visit.
     */
    public record VisitRow(long id, String date, String physicianGlobal, String patientGlobal, String strength,
                           String haq, String extramuscular, String ck, String bodyWeight, String cdasi, String findings,
                           String tis, String response, String responseClass, boolean doiMet, boolean worsening,
                           boolean worseThanBaseline) {
    }

    /** One therapy of the timeline, worded as the chart and the report word it. */
    public record TherapyRow(String drug, String drugClass, String dose, String route, String start, String end,
                             String stopReason, boolean ongoing) {
    }

    /** One flag with its finding, its work-up steps (refractory flags, R8), its evidence and reference. */
    public record FlagRow(FlagBadge badge, String since, String message, List<String> workUp, List<String> evidence,
                          String reference) {
    }

    /** Everything the page shows. */
    public record PatientPage(PatientView patient, String serology, List<VisitRow> visits, long visitTotal,
                              String baselineNote, boolean refractory, String rulesVersion, List<FlagRow> flags,
                              List<String> toRecord,
                              List<TherapyRow> therapies, List<InvestigationView> investigations, String chartSource,
                              boolean writable) {
    }

    @GET
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    public TemplateInstance patient(@PathParam("id") long id) {
        Actor current = actor.get();
        PatientView patient = patients.findPatientById(current, id)
                .orElseThrow(() -> ProblemException.notFound("Patient " + id));
        PageView<VisitView> visitPage = visits.listVisitsForPatient(current, id, PageRequest.of(0, PageRequest.MAX_SIZE));
        TrajectoryView trajectory = trajectories.trajectoryOf(current, id, "first");
        Map<Long, TrajectoryVisitView> scores = trajectory.visits().stream()
                .collect(Collectors.toMap(TrajectoryVisitView::visitId, Function.identity()));
        FlagsView flagsView = flags.flagsOf(current, id);
        List<TherapyView> therapyList = therapies.listTherapiesForPatient(current, id, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        List<InvestigationView> investigationList = investigations
                .listInvestigationsForPatient(current, id, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        List<VisitRow> rows = visitPage.items().stream().map(v -> visitRow(v, scores.get(v.id()))).toList();
        // The chart's address changes whenever a record drawn in it changes, so the browser never shows a stale one.
        String chartSource = "/clinic/patients/" + id + "/trend.png?width=" + CHART_WIDTH + "&height=" + CHART_HEIGHT
                + "&v=" + Integer.toHexString(List.of(patient.version(), visitPage.items().stream().map(v -> v.id() + ":" + v.version()).toList(),
                therapyList.stream().map(t -> t.id() + ":" + t.version()).toList()).hashCode());
        PatientPage page = new PatientPage(patient, serology(patient.autoantibodies()), rows, visitPage.total(),
                trajectory.baselineNote(), flagsView.refractory(), flagsView.rulesVersion(),
                flagsView.flags().stream().map(PatientPages::flagRow).toList(), flagsView.toRecord(),
                therapyList.stream().map(PatientPages::therapyRow).toList(), investigationList, chartSource,
                // A clinician reads only their own site's patients, so one who can read this page may also write.
                current.isClinician());
        return Pages.patient(frames.of(patient.registryCode(), "clinic"), page);
    }

    @GET
    @Path("/trend.png")
    @Produces("image/png")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    public Response trendChart(@PathParam("id") long id) {
        byte[] png = charts.trendPng(actor.get(), id, CHART_WIDTH, CHART_HEIGHT, null, null);
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-cache").build();
    }

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Role.CLINICIAN_NAME, Role.ADMIN_NAME})
    public Response report(@PathParam("id") long id) {
        byte[] pdf = reports.patientReport(actor.get(), id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"patient-report.pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    /** Positive and equivocal results first, with their test dates; negative ones by name only. */
    static String serology(List<AutoantibodyEntry> antibodies) {
        if (antibodies.isEmpty()) {
            return "none recorded";
        }
        String notNegative = antibodies.stream().filter(a -> a.result() != AntibodyResult.NEGATIVE)
                .map(a -> a.antibody() + " " + a.result().name().toLowerCase(Locale.ROOT)
                        + (a.testDate() == null ? "" : " (" + a.testDate() + ")"))
                .collect(Collectors.joining(", "));
        String negative = antibodies.stream().filter(a -> a.result() == AntibodyResult.NEGATIVE)
                .map(a -> a.antibody().name()).distinct().collect(Collectors.joining(", "));
        return notNegative.isEmpty() ? "negative: " + negative
                : negative.isEmpty() ? notNegative : notNegative + "; negative: " + negative;
    }

    static VisitRow visitRow(VisitView visit, TrajectoryVisitView score) {
        String strength = visit.mmt8() != null && visit.mmt8Max() != null ? visit.mmt8() + "/" + visit.mmt8Max()
                : visit.cmas() != null ? "CMAS " + visit.cmas() : MISSING;
        String ck = visit.enzymes().stream().filter(e -> e.test() == EnzymeTest.CK).findFirst()
                .map(PatientPages::enzyme).orElse(MISSING);
        String tis = score == null || score.tis() == null ? "baseline" : number(score.tis());
        String response = score == null || score.response() == null ? MISSING : score.response().label();
        String responseClass = score == null || score.response() == null ? ""
                : score.response().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new VisitRow(visit.id(), visit.visitDate().toString(), number(visit.physicianGlobalActivity()),
                number(visit.patientGlobalActivity()), strength, number(visit.haq()),
                number(visit.extramuscularActivity()), ck, number(visit.bodyWeightKg()),
                visit.cdasiActivity() == null ? MISSING : visit.cdasiActivity().toString(), findings(visit), tis, response,
                responseClass, score != null && Boolean.TRUE.equals(score.doiMet()), score != null && score.worsening(),
                score != null && Boolean.TRUE.equals(score.worseningFromBaseline()));
    }

    /** The recorded ENMC findings, e.g. "dysphagia yes; FF > SA no"; those not recorded are left out. */
    static String findings(VisitView visit) {
        List<String> recorded = new ArrayList<>(3);
        if (visit.dysphagia() != null) {
            recorded.add("dysphagia " + (visit.dysphagia() ? "yes" : "no"));
        }
        if (visit.fingerFlexorWeakness() != null) {
            recorded.add("FF > SA " + (visit.fingerFlexorWeakness() ? "yes" : "no"));
        }
        if (visit.quadricepsWeakness() != null) {
            recorded.add("KE ≥ HF " + (visit.quadricepsWeakness() ? "yes" : "no"));
        }
        return recorded.isEmpty() ? MISSING : String.join("; ", recorded);
    }

    private static TherapyRow therapyRow(TherapyView therapy) {
        TherapyPeriod period = new TherapyPeriod(therapy.id(), therapy.drug(), therapy.drugName(), therapy.dose(),
                therapy.doseUnit(), therapy.frequency(), therapy.route(), therapy.startDate(), therapy.endDate(),
                therapy.stopReason());
        return new TherapyRow(period.displayName(), therapy.drugClass().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                period.doseLabel().isEmpty() ? MISSING : period.doseLabel(),
                therapy.route() == null ? MISSING : therapy.route().name(), therapy.startDate().toString(),
                therapy.endDate() == null ? "ongoing" : therapy.endDate().toString(),
                therapy.stopReason() == null ? MISSING : therapy.stopReason().name().toLowerCase(Locale.ROOT),
                therapy.endDate() == null);
    }

    private static FlagRow flagRow(FlagView flag) {
        // Evidence names visits by date and therapies by drug, dose and dates; database ids stay out of the page.
        return new FlagRow(FlagBadge.of(flag.code()), flag.since().toString(), flag.finding(), flag.workUp(),
                flag.evidence().stream().map(Evidence::detail).toList(), flag.reference());
    }

    private static String enzyme(EnzymeEntry entry) {
        return number(entry.value()) + " (" + String.format(Locale.ROOT, "%.1f", entry.timesUln()) + " × ULN)";
    }

    static String number(Double value) {
        if (value == null) {
            return MISSING;
        }
        return TherapyPeriod.formatNumber(value);
    }
}
