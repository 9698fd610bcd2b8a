package org.myotrack.refractory;

import org.myotrack.scoring.ComponentScore;
import org.myotrack.scoring.RegimenBaseline;
import org.myotrack.scoring.ResponseCategory;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.ScoreComponent;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.TotalImprovementScore;
import org.myotrack.scoring.TotalImprovementScoreResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code INADEQUATE_RESPONSE} (clinical.md §6, R3): a glucocorticoid with a conventional immunosuppressant has had an
 * adequate trial, and the latest visit on or after its completion is still active (R1), or its Total Improvement
 * Score against the combination's regimen baseline is below minimal. The score route applies only when the regimen
 * baseline was itself active and the subgroup's TIS is validated (R3, R5): a small score against a baseline in
 * near-remission is a floor effect, not a failure (Aggarwal 2017; Rider 2017 derived the TIS in active disease).
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
        ResponseCriteria criteria = timeline.record().responseCriteria();
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
                // R3: the score route only from an active regimen baseline, in a subgroup where the TIS is validated.
                if (baseline != null && timeline.activeAt(baselines[c]) && criteria.validated()) {
                    TotalImprovementScoreResult score = TotalImprovementScore.score(baseline.measures(), visit.measures(),
                            criteria);
                    if (belowMinimal(score, criteria)) {
                        return Optional.of(scoreFlag(timeline, combination, visit, baseline, score));
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

    static boolean belowMinimal(TotalImprovementScoreResult score, ResponseCriteria criteria) {
        if (score.complete()) {
            return score.response() == ResponseCategory.NONE;
        }
        double upperBound = score.tis();
        for (Map.Entry<ScoreComponent, ComponentScore> component : score.components().entrySet()) {
            if (!component.getValue().present()) {
                upperBound += TotalImprovementScore.points(component.getKey(), Double.POSITIVE_INFINITY);
            }
        }
        return TotalImprovementScore.category(upperBound, criteria) == ResponseCategory.NONE;
    }

    private static Flag activeFlag(PatientTimeline timeline, Combination combination, ScoredVisit visit,
                                   ScoredVisit baseline) {
        String finding = "Still active " + ClinicalText.weeksBetween(combination.begin(), visit.date())
                + " weeks after starting " + combination.regimen() + " ("
                + ActivityTest.describeActivity(visit, timeline.record(), timeline.config()) + " on " + visit.date()
                + "); check adherence.";
        List<Evidence> evidence = combinationEvidence(combination);
        if (baseline != null) {
            evidence.add(ClinicalText.visitEvidence(baseline, "Regimen baseline"));
        }
        evidence.add(ClinicalText.visitEvidence(visit, "Still active"));
        return Flag.refractory(FlagCode.INADEQUATE_RESPONSE, visit.date(), finding, evidence, REFERENCE);
    }

    private static Flag scoreFlag(PatientTimeline timeline, Combination combination, ScoredVisit visit,
                                  ScoredVisit baseline, TotalImprovementScoreResult score) {
        String tis = "TIS " + ClinicalText.number(score.tis()) + (score.complete() ? "" : " with measures missing");
        String finding = "Less than minimal improvement " + ClinicalText.weeksBetween(combination.begin(), visit.date())
                + " weeks after starting " + combination.regimen() + " (" + tis + " on " + visit.date()
                + " against the active regimen baseline of " + baseline.date() + "); check adherence.";
        List<Evidence> evidence = combinationEvidence(combination);
        evidence.add(ClinicalText.visitEvidence(baseline, "Regimen baseline, active ("
                + ActivityTest.describeActivity(baseline, timeline.record(), timeline.config()) + ")"));
        evidence.add(ClinicalText.visitEvidence(visit, tis + " (" + ClinicalText.words(score.response().name()) + ")"));
        return Flag.refractory(FlagCode.INADEQUATE_RESPONSE, visit.date(), finding, evidence, REFERENCE);
    }

    private static List<Evidence> combinationEvidence(Combination combination) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ClinicalText.therapyEvidence(combination.glucocorticoid(), "Glucocorticoid of the combination from " + combination.begin()));
        evidence.add(ClinicalText.therapyEvidence(combination.immunosuppressant().entries().get(0),
                "Immunosuppressant of the combination, trial complete on " + combination.completion()));
        return evidence;
    }
}
