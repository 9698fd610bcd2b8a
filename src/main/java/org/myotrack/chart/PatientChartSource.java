package org.myotrack.chart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.patient.Patient;
import org.myotrack.refractory.Evaluation;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.PatientRecord;
import org.myotrack.refractory.PatientRecordLoader;
import org.myotrack.refractory.RefractoryRules;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.Trajectory;
import org.myotrack.scoring.TrajectoryPoint;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Turns one patient's stored record into what the trend chart and the report draw: per-visit measures with the
 * TIS response against the first visit, dose periods per drug, the prednisone-equivalent daily dose as steps, and
 * the flag onsets. Called inside the caller's transaction.
 */
@ApplicationScoped
public class PatientChartSource {

    @Inject
    PatientRecordLoader loader;

    @Inject
    FlagService flags;

    /** The record, its evaluation and its trajectory against the first visit, read once for a chart or a report. */
    public record Snapshot(Patient patient, PatientRecord record, Evaluation evaluation, List<TrajectoryPoint> trajectory) {

        /** The day drawn as "now" for ongoing therapies: the latest visit, or the latest therapy start. */
        public LocalDate evaluationDate() {
            LocalDate latest = record.evaluationDate();
            for (TherapyPeriod therapy : record.therapies()) {
                LocalDate last = therapy.endDate() != null ? therapy.endDate() : therapy.startDate();
                latest = latest == null || last.isAfter(latest) ? last : latest;
            }
            return latest;
        }
    }

    public Snapshot snapshot(Patient patient) {
        PatientRecord record = loader.load(List.of(patient.id)).get(patient.id);
        Evaluation evaluation = RefractoryRules.evaluate(record, flags.rules());
        List<TrajectoryPoint> trajectory = record.visits().isEmpty() ? List.of()
                : Trajectory.score(record.visits(), 0, record.responseCriteria(), flags.rules().riseFromZero());
        return new Snapshot(patient, record, evaluation, trajectory);
    }

    /** The trend chart's data from {@code from} to {@code to} (either may be null: the whole record). */
    public TrendChartData trendData(Snapshot snapshot, LocalDate from, LocalDate to) {
        LocalDate end = snapshot.evaluationDate();
        List<TrendVisit> visits = new ArrayList<>();
        for (TrajectoryPoint point : snapshot.trajectory()) {
            ScoredVisit visit = point.visit();
            if (inRange(visit.date(), from, to)) {
                visits.add(trendVisit(visit, point, snapshot.record().juvenile()));
            }
        }
        List<DrugPeriod> periods = new ArrayList<>();
        for (TherapyPeriod therapy : snapshot.record().therapies()) {
            LocalDate last = therapy.endDate() != null ? therapy.endDate() : (end == null ? therapy.startDate() : end);
            if (overlaps(therapy.startDate(), last, from, to)) {
                periods.add(new DrugPeriod(therapy.displayName(), therapy.startDate(), last, therapy.doseLabel()));
            }
        }
        List<FlagOnset> onsets = snapshot.evaluation().flags().stream()
                .filter(flag -> inRange(flag.since(), from, to))
                .map(flag -> new FlagOnset(flag.since(), flag.code().name())).toList();
        String title = snapshot.patient().registryCode + " · " + snapshot.patient().diagnosis
                + (snapshot.patient().juvenile ? " (juvenile)" : "");
        return new TrendChartData(title, snapshot.record().juvenile(), from, to, visits, periods,
                prednisoneEquivalentSteps(snapshot.record().therapies(), end, from, to), onsets);
    }

    private static TrendVisit trendVisit(ScoredVisit visit, TrajectoryPoint point, boolean juvenile) {
        CoreSetMeasures m = visit.measures();
        Double ck = m.enzymes().stream().filter(e -> e.test() == EnzymeTest.CK).findFirst()
                .map(EnzymeLevel::timesUln).orElse(null);
        Double strength = null;
        String label = "MMT-8";
        boolean useCmas = m.cmas() != null && (juvenile || m.mmt8() == null);
        if (useCmas) {
            strength = m.cmas() * 100.0 / 52;
            label = "CMAS";
        } else if (m.mmt8() != null && m.mmt8Max() != null) {
            strength = m.mmt8() * 100.0 / m.mmt8Max();
        }
        String response = point.improvement() == null ? null : point.improvement().response().name();
        return new TrendVisit(visit.date(), ck, strength, label, m.physicianGlobalActivity(), m.haq(), response);
    }

    /** The summed prednisone-equivalent daily dose as steps between the days any glucocorticoid entry starts or ends. */
    static List<DoseStep> prednisoneEquivalentSteps(List<TherapyPeriod> therapies, LocalDate end, LocalDate from, LocalDate to) {
        List<TherapyPeriod> daily = new ArrayList<>();
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (TherapyPeriod therapy : therapies) {
            OptionalDouble dose = therapy.prednisoneEquivalentMgPerDay();
            if (dose.isPresent()) {
                LocalDate last = therapy.endDate() != null ? therapy.endDate() : end;
                if (last == null || last.isBefore(therapy.startDate())) {
                    continue;
                }
                daily.add(therapy);
                changes.add(therapy.startDate());
                changes.add(last.plusDays(1));
            }
        }
        List<DoseStep> steps = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate change : changes) {
            if (previous != null) {
                double total = 0;
                for (TherapyPeriod therapy : daily) {
                    LocalDate last = therapy.endDate() != null ? therapy.endDate() : end;
                    if (!therapy.startDate().isAfter(previous) && !last.isBefore(previous)) {
                        total += therapy.prednisoneEquivalentMgPerDay().orElse(0);
                    }
                }
                LocalDate stepEnd = change.minusDays(1);
                if (overlaps(previous, stepEnd, from, to)) {
                    steps.add(new DoseStep(previous, stepEnd, total));
                }
            }
            previous = change;
        }
        return steps;
    }

    private static boolean inRange(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private static boolean overlaps(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        return (from == null || !end.isBefore(from)) && (to == null || !start.isAfter(to));
    }
}
