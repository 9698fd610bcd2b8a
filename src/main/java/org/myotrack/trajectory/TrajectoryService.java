package org.myotrack.trajectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.common.ProblemException;
import org.myotrack.common.Violation;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientService;
import org.myotrack.scoring.ComponentScore;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.refractory.RuleConfig;
import org.myotrack.scoring.RegimenBaseline;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.ScoreComponent;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.Trajectory;
import org.myotrack.scoring.TrajectoryPoint;
import org.myotrack.security.Actor;
import org.myotrack.therapy.Therapy;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.therapy.TherapyRepository;
import org.myotrack.visit.Visit;
import org.myotrack.visit.VisitRepository;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one patient's visits in a single query and scores them against the requested baseline; nothing is cached, so scores are never stale. */
@ApplicationScoped
public class TrajectoryService {

    static final String BASELINE_RULE = "must be first, regimen or the id of one of this patient's visits";

    @Inject
    PatientService patients;

    @Inject
    VisitRepository visits;

    @Inject
    TherapyRepository therapies;

    @Inject
    MyoTrackConfig config;

    @Transactional
    public TrajectoryView trajectoryOf(Actor actor, long patientId, String baseline) {
        Patient patient = patients.requireReadable(actor, patientId);
        String requested = baseline == null || baseline.isBlank() ? "first" : baseline.strip();
        Long requestedVisitId = parseBaseline(requested);
        RuleConfig rules = config.rules().toRuleConfig();
        List<ScoredVisit> scored = visits.listForPatientWithEnzymes(patientId).stream().map(TrajectoryService::toScoredVisit).toList();
        if (scored.isEmpty()) {
            if (requestedVisitId != null) {
                throw ProblemException.notFound("Visit " + requestedVisitId + " of patient " + patientId);
            }
            return new TrajectoryView(patientId, null, "FIRST", "The patient has no visits yet", patient.juvenile,
                    rules.version(), List.of());
        }
        int baselineIndex = 0;
        String kind = "FIRST";
        String note = null;
        if (requestedVisitId != null) {
            baselineIndex = indexOf(scored, requestedVisitId)
                    .orElseThrow(() -> ProblemException.notFound("Visit " + requestedVisitId + " of patient " + patientId));
            kind = "VISIT";
        } else if (requested.equals("regimen")) {
            LocalDate evaluationDate = scored.get(scored.size() - 1).date();
            List<TherapyPeriod> periods = therapies.findForPatient(patientId).stream().map(TherapyPeriod::of).toList();
            Optional<LocalDate> regimenStart = RegimenBaseline.currentRegimenStart(periods, evaluationDate);
            Optional<ScoredVisit> regimenVisit = regimenStart.flatMap(start -> RegimenBaseline.visitFor(scored, start,
                    config.rules().regimenBaselineDaysBefore(), config.rules().regimenBaselineDaysAfter()));
            if (regimenVisit.isPresent()) {
                baselineIndex = scored.indexOf(regimenVisit.get());
                kind = "REGIMEN";
                note = "Regimen began " + regimenStart.get();
            } else {
                note = regimenStart.map(start -> "No visit between " + config.rules().regimenBaselineDaysBefore()
                                + " days before and " + config.rules().regimenBaselineDaysAfter()
                                + " days after the regimen began on " + start + "; the first visit is the baseline")
                        .orElse("No non-glucocorticoid agent recorded; the first visit is the baseline");
            }
        }
        List<TrajectoryPoint> points = Trajectory.score(scored, baselineIndex,
                ResponseCriteria.of(patient.diagnosis), rules.riseFromZero());
        return new TrajectoryView(patientId, scored.get(baselineIndex).id(), kind, note, patient.juvenile,
                rules.version(), points.stream().map(TrajectoryService::toView).toList());
    }

    private static Long parseBaseline(String requested) {
        if (requested.equals("first") || requested.equals("regimen")) {
            return null;
        }
        try {
            return Long.parseLong(requested);
        } catch (NumberFormatException notAnId) {
            throw ProblemException.invalid(List.of(new Violation("baseline", BASELINE_RULE)));
        }
    }

    private static Optional<Integer> indexOf(List<ScoredVisit> visits, long visitId) {
        for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i).id() == visitId) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The core-set measures of a stored visit as the scores read them. */
    public static ScoredVisit toScoredVisit(Visit visit) {
        List<EnzymeLevel> enzymes = visit.enzymes.stream().map(e -> new EnzymeLevel(e.test, e.value, e.uln)).toList();
        return new ScoredVisit(visit.id, visit.visitDate, new CoreSetMeasures(visit.physicianGlobalActivity,
                visit.patientGlobalActivity, visit.mmt8, visit.mmt8Max, visit.cmas, visit.haq,
                visit.extramuscularActivity, enzymes));
    }

    private static TrajectoryVisitView toView(TrajectoryPoint point) {
        boolean worsening = point.worsening() != null && point.worsening().met();
        var routes = point.worsening() == null ? List.<org.myotrack.scoring.WorseningRoute>of()
                : List.copyOf(point.worsening().routes());
        if (point.improvement() == null) {
            return new TrajectoryVisitView(point.visit().id(), point.visit().date(), null, null, null, null, worsening,
                    routes, null);
        }
        Map<String, ComponentView> components = new LinkedHashMap<>();
        for (ScoreComponent component : ScoreComponent.values()) {
            ComponentScore score = point.improvement().components().get(component);
            components.put(component.jsonKey(), new ComponentView(score.percentImprovement(), score.points()));
        }
        return new TrajectoryVisitView(point.visit().id(), point.visit().date(), point.improvement().tis(),
                point.improvement().response(), components, point.doiMet(), worsening, routes,
                point.worseningFromBaseline().met());
    }
}
