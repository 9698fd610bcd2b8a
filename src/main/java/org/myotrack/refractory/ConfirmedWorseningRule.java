package org.myotrack.refractory;

import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.RiseFromZero;
import org.myotrack.scoring.ScoreComponent;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.Worsening;
import org.myotrack.scoring.WorseningResult;
import org.myotrack.scoring.WorseningRoute;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CONFIRMED_WORSENING} (R2a, clinical-v2.md; ProDERM "confirmed deterioration"): two consecutive visits both
 * meet the IMACS definition of worsening against the baseline (the first visit), which catches a slow decline; or
 * both meet it against the visit before the first of them (the v1 route, kept for a relapse after improvement).
 * {@code since} is the date of the second visit of the first such pair. A measure that was 0 counts as worse only by
 * the rise of R2b.
 */
final class ConfirmedWorseningRule {

    static final String REFERENCE = "Oddis et al., Arthritis Rheum 2005 (IMACS definition of worsening), as applied in ProDERM";

    private ConfirmedWorseningRule() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        List<ScoredVisit> visits = timeline.visits();
        RiseFromZero riseFromZero = timeline.config().riseFromZero();
        ScoredVisit baseline = visits.get(0);
        WorseningResult previousFromBaseline = null;
        for (int k = 1; k < visits.size(); k++) {
            ScoredVisit visit = visits.get(k);
            WorseningResult fromBaseline = Worsening.assess(baseline.measures(), visit.measures(), riseFromZero);
            if (previousFromBaseline != null && previousFromBaseline.met() && fromBaseline.met()) {
                return Optional.of(flag(baseline, "at the baseline visit of", visits.get(k - 1), previousFromBaseline, visit,
                        fromBaseline));
            }
            if (k >= 2) {
                ScoredVisit before = visits.get(k - 2);
                WorseningResult first = Worsening.assess(before.measures(), visits.get(k - 1).measures(), riseFromZero);
                if (first.met()) {
                    WorseningResult second = Worsening.assess(before.measures(), visit.measures(), riseFromZero);
                    if (second.met()) {
                        return Optional.of(flag(before, "", visits.get(k - 1), first, visit, second));
                    }
                }
            }
            previousFromBaseline = fromBaseline;
        }
        return Optional.empty();
    }

    private static Flag flag(ScoredVisit before, String whatBefore, ScoredVisit first, WorseningResult firstResult,
                             ScoredVisit second, WorseningResult secondResult) {
        String reference = whatBefore.isEmpty() ? "on " + before.date() : whatBefore + " " + before.date();
        String message = "Worse than " + reference + " at two consecutive visits (" + first.date() + ": "
                + changes(before.measures(), first.measures(), firstResult) + "; " + second.date() + ": "
                + changes(before.measures(), second.measures(), secondResult)
                + "): look for the cause of the flare and review the treatment.";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ClinicalText.visitEvidence(before, whatBefore.isEmpty() ? "Compared with" : "Baseline, compared with"));
        evidence.add(new Evidence("visit", first.id(), "Worse, " + first.date() + ": "
                + changes(before.measures(), first.measures(), firstResult)));
        evidence.add(new Evidence("visit", second.id(), "Worse again, " + second.date() + ": "
                + changes(before.measures(), second.measures(), secondResult)));
        return new Flag(FlagCode.CONFIRMED_WORSENING, second.date(), message, List.copyOf(evidence), REFERENCE);
    }

    /** The measures behind the routes that fired, as "PGA 2 → 4.5 cm, MMT-8 120 → 90/150". */
    private static String changes(CoreSetMeasures before, CoreSetMeasures after, WorseningResult result) {
        Set<ScoreComponent> worse = EnumSet.noneOf(ScoreComponent.class);
        if (result.routes().contains(WorseningRoute.GLOBAL_AND_STRENGTH)) {
            worse.add(ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY);
            worse.add(ScoreComponent.MUSCLE_STRENGTH);
        }
        if (result.routes().contains(WorseningRoute.EXTRAMUSCULAR)) {
            worse.add(ScoreComponent.EXTRAMUSCULAR_ACTIVITY);
        }
        if (result.routes().contains(WorseningRoute.THREE_MEASURES)) {
            worse.addAll(result.measuresWorseByThirtyPercent());
        }
        List<String> parts = new ArrayList<>();
        for (ScoreComponent component : worse) {
            parts.add(change(component, before, after));
        }
        return String.join(", ", parts);
    }

    private static String change(ScoreComponent component, CoreSetMeasures before, CoreSetMeasures after) {
        return switch (component) {
            case PHYSICIAN_GLOBAL_ACTIVITY -> "PGA " + cm(before.physicianGlobalActivity(), after.physicianGlobalActivity());
            case PATIENT_GLOBAL_ACTIVITY -> "PtGA " + cm(before.patientGlobalActivity(), after.patientGlobalActivity());
            case EXTRAMUSCULAR_ACTIVITY -> "extramuscular " + cm(before.extramuscularActivity(), after.extramuscularActivity());
            case PHYSICAL_FUNCTION -> "HAQ " + ClinicalText.number(before.haq()) + " → " + ClinicalText.number(after.haq());
            case MUSCLE_STRENGTH -> strength(before, after);
            case ENZYME -> "enzymes";
        };
    }

    private static String strength(CoreSetMeasures before, CoreSetMeasures after) {
        if (before.mmt8() != null && after.mmt8() != null && before.mmt8Max() != null
                && before.mmt8Max().equals(after.mmt8Max())) {
            return "MMT-8 " + before.mmt8() + " → " + after.mmt8() + "/" + after.mmt8Max();
        }
        return "CMAS " + before.cmas() + " → " + after.cmas() + "/52";
    }

    private static String cm(Double before, Double after) {
        return ClinicalText.number(before) + " → " + ClinicalText.number(after) + " cm";
    }
}
