package org.myotrack.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.chart.PatientChartSource;
import org.myotrack.chart.TrendChartRenderer;
import org.myotrack.patient.Autoantibody;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientService;
import org.myotrack.refractory.Evidence;
import org.myotrack.refractory.FlagView;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.TrajectoryPoint;
import org.myotrack.security.Actor;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Assembles a patient's PDF report: identified for the patient's clinicians, pseudonymous (registry code and birth
 * year, no external id) for administrators and coordinators. The record is read in one short transaction; chart
 * and PDF are rendered after it.
 */
@ApplicationScoped
public class ReportService {

    /** Width of the chart drawn into the report: A4 text width at print resolution. */
    static final int CHART_WIDTH = 1400;
    static final int CHART_HEIGHT = 1000;
    private static final String MISSING = "–";

    @Inject
    PatientService patients;

    @Inject
    PatientChartSource source;

    @Inject
    Clock clock;

    public byte[] patientReport(Actor actor, long patientId) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> {
            Patient patient = patients.requireReadableDeidentified(actor, patientId);
            PatientChartSource.Snapshot snapshot = source.snapshot(patient);
            return new Prepared(snapshot, source.trendData(snapshot, null, null), actor.seesIdentifiers(patient.site.id),
                    patient.site.code, patient.autoantibodies.stream().map(ReportService::serology).toList());
        });
        byte[] chart = prepared.snapshot().record().visits().isEmpty() ? null
                : TrendChartRenderer.png(prepared.trend(), CHART_WIDTH, CHART_HEIGHT);
        return PatientReportRenderer.pdf(reportData(prepared, chart));
    }

    private record Prepared(PatientChartSource.Snapshot snapshot, org.myotrack.chart.TrendChartData trend,
                            boolean identified, String siteCode, List<String> serology) {
    }

    private PatientReportData reportData(Prepared prepared, byte[] chart) {
        Patient patient = prepared.snapshot().patient();
        var evaluation = prepared.snapshot().evaluation();
        List<ReportVisitRow> visits = prepared.snapshot().trajectory().stream().map(ReportService::visitRow).toList();
        List<ReportFlag> flags = evaluation.flags().stream().map(FlagView::of).map(flag -> new ReportFlag(
                flag.code().label(), flag.since().toString(), flag.finding(), flag.workUp(),
                flag.evidence().stream().map(Evidence::detail).toList(), flag.reference())).toList();
        List<ReportTherapyRow> therapies = prepared.snapshot().record().therapies().stream().map(ReportService::therapyRow).toList();
        return new PatientReportData(patient.registryCode, prepared.siteCode(),
                prepared.identified() ? patient.externalId : null, patient.sex.name(), patient.birthDate.getYear(),
                patient.diagnosis.name(), patient.diagnosisDate == null ? MISSING : patient.diagnosisDate.toString(),
                patient.juvenile, prepared.serology(), chart, visits, flags, evaluation.toRecord(), evaluation.rulesVersion(),
                evaluation.refractory(), therapies, LocalDate.now(clock).toString());
    }

    private static String serology(Autoantibody antibody) {
        return antibody.antibody + " " + antibody.result + (antibody.testDate == null ? "" : " (" + antibody.testDate + ")");
    }

    private static ReportVisitRow visitRow(TrajectoryPoint point) {
        CoreSetMeasures m = point.visit().measures();
        String strength = m.mmt8() != null && m.mmt8Max() != null ? m.mmt8() + "/" + m.mmt8Max()
                : m.cmas() != null ? "CMAS " + m.cmas() : MISSING;
        String ck = m.enzymes().stream().filter(e -> e.test() == EnzymeTest.CK).findFirst()
                .map(ReportService::enzyme).orElse(MISSING);
        String tis = point.improvement() == null ? "baseline" : number(point.improvement().tis());
        String response = point.improvement() == null ? MISSING : point.improvement().response().name();
        return new ReportVisitRow(point.visit().date().toString(), number(m.physicianGlobalActivity()),
                number(m.patientGlobalActivity()), strength, number(m.haq()), number(m.extramuscularActivity()), ck, tis, response);
    }

    private static ReportTherapyRow therapyRow(TherapyPeriod therapy) {
        return new ReportTherapyRow(therapy.displayName(), therapy.doseLabel(),
                therapy.startDate().toString(), therapy.endDate() == null ? "ongoing" : therapy.endDate().toString(),
                therapy.stopReason() == null ? MISSING : therapy.stopReason().name());
    }

    private static String enzyme(EnzymeLevel level) {
        return number(level.value()) + " (" + String.format(Locale.ROOT, "%.1f", level.timesUln()) + " × ULN)";
    }

    private static String number(Double value) {
        if (value == null) {
            return MISSING;
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
