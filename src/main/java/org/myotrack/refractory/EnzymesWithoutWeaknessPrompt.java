package org.myotrack.refractory;

import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.MuscleStrengthComparison;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.visit.EnzymeTest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code ENZYMES_WITHOUT_WEAKNESS} (R9b, clinical-v2.md; Lundberg, Arthritis Rheumatol 2021): judged at the latest
 * visit. CK is above its upper limit at each of the latest two visits while, at the latest visit, the patient is not
 * weak (MMT-8 at least 142/150, or without MMT-8 CMAS at least 48), or strength is at least the configured gain above
 * the first visit (MMT-8 on the same scale, else CMAS).
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
        if (previousCk.isEmpty() || latestCk.isEmpty()) {
            return Optional.empty();
        }
        RuleConfig config = timeline.config();
        String strength;
        if (ActivityTest.isNotWeak(latest.measures(), config)) {
            strength = "the patient is not weak (" + strengthText(latest.measures()) + ")";
        } else {
            Optional<MuscleStrengthComparison> gain = MuscleStrengthComparison.select(first.measures(), latest.measures())
                    .filter(s -> s.followUp() > s.baseline() && s.followUp() >= s.baseline()
                            * (1 + config.enzymesWithoutWeaknessGainPercent() / 100) - ActivityTest.TOLERANCE);
            if (gain.isEmpty()) {
                return Optional.empty();
            }
            MuscleStrengthComparison s = gain.get();
            strength = (s.instrument() == MuscleStrengthComparison.Instrument.MMT8 ? "MMT-8" : "CMAS") + " rose from "
                    + s.baseline() + " to " + s.followUp() + "/" + s.scaleMaximum() + " since " + first.date();
        }
        String message = "CK above normal at the latest two visits (" + ClinicalText.timesUln(previousCk.get()) + " on "
                + previous.date() + ", " + ClinicalText.timesUln(latestCk.get()) + " on " + latest.date()
                + ") while " + strength + ": treat the patient, not the number; an MRI tells whether inflammation persists.";
        List<Evidence> evidence = List.of(
                ClinicalText.visitEvidence(first, "First visit"),
                ClinicalText.visitEvidence(previous, "CK above normal"),
                ClinicalText.visitEvidence(latest, "CK above normal, " + strength));
        return Optional.of(new Flag(FlagCode.ENZYMES_WITHOUT_WEAKNESS, latest.date(), message, evidence, REFERENCE));
    }

    private static String strengthText(CoreSetMeasures m) {
        return ActivityTest.hasMmt8(m) ? ClinicalText.mmt8(m) : "CMAS " + m.cmas() + "/52";
    }

    private static Optional<EnzymeLevel> raisedCk(CoreSetMeasures measures) {
        return measures.enzymes().stream()
                .filter(e -> e.test() == EnzymeTest.CK)
                .max(Comparator.comparingDouble(EnzymeLevel::timesUln))
                .filter(ck -> ck.value() > ck.uln());
    }
}
