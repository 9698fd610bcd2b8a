package org.myotrack.refractory;

import org.myotrack.scoring.ComponentScore;
import org.myotrack.scoring.RegimenBaseline;
import org.myotrack.scoring.ResponseCategory;
import org.myotrack.scoring.ScoreComponent;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.TotalImprovementScore;
import org.myotrack.scoring.TotalImprovementScoreResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code INADEQUATE_RESPONSE} (clinical.md §6): a glucocorticoid with a conventional immunosuppressant has had an
 * adequate trial, and the latest visit on or after its completion is still active, or its Total Improvement Score
 * against the combination's regimen baseline is below minimal.
 *
 * <p>Sticky: the rule is replayed at each visit in date order, that visit being the latest, and {@code since} is the
 * first visit at which it held. A baseline that is the judged visit itself measures nothing, so the activity test
 * then decides alone, as it does when no visit falls in the baseline window. An incomplete score counts as below
 * minimal only when even full points for every missing measure would leave it below minimal.
 */
final class InadequateResponseRule {

    static final String REFERENCE = "Oddis et al., Arthritis Rheum 2013;65:314–24 (RIM trial entry criteria)";

    private InadequateResponseRule() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        List<Combination> adequate = timeline.combinations().stream().filter(c -> c.completion() != null).toList();
        if (adequate.isEmpty()) {
            return Optional.empty();
        }
        List<ScoredVisit> visits = timeline.visits();
        RuleConfig config = timeline.config();
        int[] baselines = new int[adequate.size()];
        for (int c = 0; c < adequate.size(); c++) {
            baselines[c] = RegimenBaseline.visitFor(visits, adequate.get(c).begin(), config.regimenBaselineDaysBefore(),
                    config.regimenBaselineDaysAfter()).map(visits::indexOf).orElse(-1);
        }
        for (int k = 0; k < visits.size(); k++) {
            ScoredVisit visit = visits.get(k);
            // The latest combination first: when several hold, the message names the current regimen.
            for (int c = adequate.size() - 1; c >= 0; c--) {
                Combination combination = adequate.get(c);
                if (!combination.adequateBy(visit.date())) {
                    continue;
                }
                if (timeline.activeAt(k)) {
                    return Optional.of(activeFlag(timeline, combination, visit, baselineBefore(visits, baselines[c], k)));
                }
                ScoredVisit baseline = baselineBefore(visits, baselines[c], k);
                if (baseline != null) {
                    TotalImprovementScoreResult score = TotalImprovementScore.score(baseline.measures(), visit.measures(),
                            timeline.record().juvenile());
                    if (belowMinimal(score, timeline.record().juvenile())) {
                        return Optional.of(scoreFlag(combination, visit, baseline, score));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The regimen baseline as seen from visit {@code k}, unless it is that visit itself or lies after it. */
    private static ScoredVisit baselineBefore(List<ScoredVisit> visits, int baselineIndex, int k) {
        return baselineIndex >= 0 && baselineIndex < k ? visits.get(baselineIndex) : null;
    }

    static boolean belowMinimal(TotalImprovementScoreResult score, boolean juvenile) {
        if (score.complete()) {
            return score.response() == ResponseCategory.NONE;
        }
        double upperBound = score.tis();
        for (Map.Entry<ScoreComponent, ComponentScore> component : score.components().entrySet()) {
            if (!component.getValue().present()) {
                upperBound += TotalImprovementScore.points(component.getKey(), Double.POSITIVE_INFINITY);
            }
        }
        return TotalImprovementScore.category(upperBound, juvenile) == ResponseCategory.NONE;
    }

    private static Flag activeFlag(PatientTimeline timeline, Combination combination, ScoredVisit visit,
                                   ScoredVisit baseline) {
        String message = "Still active " + ClinicalText.weeksBetween(combination.begin(), visit.date())
                + " weeks after starting " + combination.regimen() + " ("
                + ActivityTest.describeActivity(visit.measures(), timeline.config()) + " on " + visit.date()
                + "): consider second-line therapy, and check adherence and the diagnosis.";
        List<Evidence> evidence = combinationEvidence(combination);
        if (baseline != null) {
            evidence.add(ClinicalText.visitEvidence(baseline, "Regimen baseline"));
        }
        evidence.add(ClinicalText.visitEvidence(visit, "Still active"));
        return new Flag(FlagCode.INADEQUATE_RESPONSE, visit.date(), message, List.copyOf(evidence), REFERENCE);
    }

    private static Flag scoreFlag(Combination combination, ScoredVisit visit, ScoredVisit baseline,
                                  TotalImprovementScoreResult score) {
        String tis = "TIS " + ClinicalText.number(score.tis()) + (score.complete() ? "" : " with measures missing");
        String message = "Less than minimal improvement " + ClinicalText.weeksBetween(combination.begin(), visit.date())
                + " weeks after starting " + combination.regimen() + " (" + tis + " on " + visit.date()
                + " against " + baseline.date() + "): consider second-line therapy, and check adherence and the diagnosis.";
        List<Evidence> evidence = combinationEvidence(combination);
        evidence.add(ClinicalText.visitEvidence(baseline, "Regimen baseline"));
        evidence.add(ClinicalText.visitEvidence(visit, tis + " (" + ClinicalText.words(score.response().name()) + ")"));
        return new Flag(FlagCode.INADEQUATE_RESPONSE, visit.date(), message, List.copyOf(evidence), REFERENCE);
    }

    private static List<Evidence> combinationEvidence(Combination combination) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ClinicalText.therapyEvidence(combination.glucocorticoid(), "Glucocorticoid of the combination from " + combination.begin()));
        evidence.add(ClinicalText.therapyEvidence(combination.immunosuppressant().entries().get(0),
                "Immunosuppressant of the combination, trial complete on " + combination.completion()));
        return evidence;
    }
}
