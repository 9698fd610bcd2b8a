package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.MuscleStrengthComparison;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code WEAKNESS_WITHOUT_ACTIVITY} (R9a, clinical-v2.md; Lundberg, Arthritis Rheumatol 2021): judged at the latest
 * visit. The latest visit is weak (MMT-8 below 142/150, or without MMT-8 CMAS below 48) and its strength is not higher
 * than at the reference visit (the latest at least the lookback months earlier; MMT-8 on the same scale, else CMAS);
 * CK and aldolase are at most their upper limit at every visit from the reference to the latest, with at least one
 * of them measured (AST, ALT and LDH are ignored: R4); and no MRI in that span shows oedema.
 */
final class WeaknessWithoutActivityPrompt {

    static final String REFERENCE = "Lundberg, Arthritis Rheumatol 2021, doi 10.1002/art.41762";

    private WeaknessWithoutActivityPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        List<ScoredVisit> visits = timeline.visits();
        ScoredVisit latest = timeline.latestVisit();
        LocalDate lookback = latest.date().minusMonths(timeline.config().weaknessLookbackMonths());
        int referenceIndex = -1;
        for (int k = visits.size() - 1; k >= 0; k--) {
            if (!visits.get(k).date().isAfter(lookback)) {
                referenceIndex = k;
                break;
            }
        }
        if (referenceIndex < 0) {
            return Optional.empty();
        }
        ScoredVisit reference = visits.get(referenceIndex);
        Optional<MuscleStrengthComparison> strength = MuscleStrengthComparison.select(reference.measures(), latest.measures());
        if (!ActivityTest.isWeak(latest.measures(), timeline.config()) || strength.isEmpty()
                || strength.get().followUp() > strength.get().baseline()) {
            return Optional.empty();
        }
        List<ScoredVisit> span = visits.subList(referenceIndex, visits.size());
        if (!enzymesNormal(span) || oedemaOnMri(timeline, reference.date(), latest.date())) {
            return Optional.empty();
        }
        return Optional.of(flag(timeline, reference, latest, span, strength.get()));
    }

    /** R9a: CK and aldolase within normal at every visit of the span, at least one of them measured. */
    private static boolean enzymesNormal(List<ScoredVisit> span) {
        boolean measured = false;
        for (ScoredVisit visit : span) {
            for (EnzymeLevel enzyme : visit.measures().enzymes()) {
                if (enzyme.test() != EnzymeTest.CK && enzyme.test() != EnzymeTest.ALDOLASE) {
                    continue;
                }
                if (enzyme.value() > enzyme.uln()) {
                    return false;
                }
                measured = true;
            }
        }
        return measured;
    }

    private static boolean oedemaOnMri(PatientTimeline timeline, LocalDate from, LocalDate to) {
        return timeline.record().investigations().stream()
                .anyMatch(i -> i.type() == InvestigationType.MRI && !i.date().isBefore(from) && !i.date().isAfter(to)
                        && i.findings().contains(Finding.MUSCLE_EDEMA));
    }

    private static Flag flag(PatientTimeline timeline, ScoredVisit reference, ScoredVisit latest, List<ScoredVisit> span,
                             MuscleStrengthComparison strength) {
        RuleConfig config = timeline.config();
        long highDoseDays = 0;
        for (GlucocorticoidCourse course : timeline.glucocorticoidCourses()) {
            highDoseDays += course.daysAtOrAbove(reference.date(), latest.date(), config.steroidMyopathyDoseMg());
        }
        boolean steroidMyopathy = highDoseDays >= 7L * config.steroidMyopathyWeeks();
        String causes = steroidMyopathy
                ? "damage, glucocorticoid myopathy (prednisone equivalent " + ClinicalText.number(config.steroidMyopathyDoseMg())
                        + " mg/day or more for " + highDoseDays / 7 + " weeks since " + reference.date() + ") or another disease"
                : "damage or another disease";
        String instrument = strength.instrument() == MuscleStrengthComparison.Instrument.MMT8 ? "MMT-8 " : "CMAS ";
        String message = instrument + strength.followUp() + "/" + strength.scaleMaximum() + " on " + latest.date()
                + " is no better than " + instrument + strength.baseline() + "/" + strength.scaleMaximum() + " on "
                + reference.date()
                + " while CK and aldolase stayed normal and no MRI showed oedema: the weakness may be " + causes
                + "; consider an MRI and a repeat biopsy.";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ClinicalText.visitEvidence(reference, "Reference visit"));
        for (ScoredVisit visit : span.subList(1, span.size())) {
            evidence.add(ClinicalText.visitEvidence(visit, visit == latest ? "Latest visit" : "CK and aldolase normal"));
        }
        timeline.record().investigations().stream()
                .filter(i -> i.type() == InvestigationType.MRI && !i.date().isBefore(reference.date())
                        && !i.date().isAfter(latest.date()))
                .forEach(i -> evidence.add(new Evidence("investigation", i.id(), "MRI " + i.date() + " without oedema: "
                        + ClinicalText.findings(i.findings()))));
        return new Flag(FlagCode.WEAKNESS_WITHOUT_ACTIVITY, latest.date(), message, List.copyOf(evidence), REFERENCE);
    }
}
