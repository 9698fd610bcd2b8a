package org.myotrack.refractory;

import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.visit.EnzymeTest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code ENZYMES_WITHOUT_WEAKNESS} (clinical.md §6; Lundberg, Arthritis Rheumatol 2021): judged at the latest visit.
 * CK is above its upper limit at each of the latest two visits while MMT-8 at the latest visit is at least the
 * configured gain above the first visit, on the same scale.
 */
final class EnzymesWithoutWeaknessPrompt {

    static final String REFERENCE = WeaknessWithoutActivityPrompt.REFERENCE;

    private EnzymesWithoutWeaknessPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        List<ScoredVisit> visits = timeline.visits();
        if (visits.size() < 2) {
            return Optional.empty();
        }
        ScoredVisit first = visits.get(0);
        ScoredVisit previous = visits.get(visits.size() - 2);
        ScoredVisit latest = visits.get(visits.size() - 1);
        Optional<EnzymeLevel> previousCk = raisedCk(previous.measures());
        Optional<EnzymeLevel> latestCk = raisedCk(latest.measures());
        if (previousCk.isEmpty() || latestCk.isEmpty() || !stronger(first.measures(), latest.measures(), timeline.config())) {
            return Optional.empty();
        }
        String message = "CK above normal at the latest two visits (" + ClinicalText.timesUln(previousCk.get()) + " on "
                + previous.date() + ", " + ClinicalText.timesUln(latestCk.get()) + " on " + latest.date()
                + ") while MMT-8 rose from " + first.measures().mmt8() + " to " + latest.measures().mmt8() + "/"
                + latest.measures().mmt8Max() + ": treat the patient, not the number; an MRI tells whether inflammation persists.";
        List<Evidence> evidence = List.of(
                ClinicalText.visitEvidence(first, "First visit"),
                ClinicalText.visitEvidence(previous, "CK above normal"),
                ClinicalText.visitEvidence(latest, "CK above normal, stronger than at the first visit"));
        return Optional.of(new Flag(FlagCode.ENZYMES_WITHOUT_WEAKNESS, latest.date(), message, evidence, REFERENCE));
    }

    private static Optional<EnzymeLevel> raisedCk(CoreSetMeasures measures) {
        return measures.enzymes().stream()
                .filter(e -> e.test() == EnzymeTest.CK)
                .max(Comparator.comparingDouble(EnzymeLevel::timesUln))
                .filter(ck -> ck.value() > ck.uln());
    }

    private static boolean stronger(CoreSetMeasures first, CoreSetMeasures latest, RuleConfig config) {
        return first.mmt8() != null && latest.mmt8() != null && first.mmt8Max() != null
                && first.mmt8Max().equals(latest.mmt8Max())
                && latest.mmt8() >= first.mmt8() * (1 + config.enzymesWithoutWeaknessGainPercent() / 100) - ActivityTest.TOLERANCE;
    }
}
