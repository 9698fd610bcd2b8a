package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ScoredVisit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code WEAKNESS_WITHOUT_ACTIVITY} (clinical.md §6; Lundberg, Arthritis Rheumatol 2021): judged at the latest visit.
 * MMT-8 is not higher than at the reference visit (the latest at least the lookback months earlier, on the same
 * scale), every enzyme at every visit from the reference to the latest is at most its upper limit, with at least
 * one enzyme measured (no enzyme is no evidence either way), and no MRI in that span shows oedema.
 *
 * <p>Our addition: the latest MMT-8 must be below its scale maximum, since a patient at full strength has no
 * weakness to explain.
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
        if (!weakerOrSame(reference.measures(), latest.measures())) {
            return Optional.empty();
        }
        List<ScoredVisit> span = visits.subList(referenceIndex, visits.size());
        if (!enzymesNormal(span) || oedemaOnMri(timeline, reference.date(), latest.date())) {
            return Optional.empty();
        }
        return Optional.of(flag(timeline, reference, latest, span));
    }

    private static boolean weakerOrSame(CoreSetMeasures reference, CoreSetMeasures latest) {
        return latest.mmt8() != null && reference.mmt8() != null && latest.mmt8Max() != null
                && latest.mmt8Max().equals(reference.mmt8Max())
                && latest.mmt8() <= reference.mmt8() && latest.mmt8() < latest.mmt8Max();
    }

    private static boolean enzymesNormal(List<ScoredVisit> span) {
        boolean measured = false;
        for (ScoredVisit visit : span) {
            for (EnzymeLevel enzyme : visit.measures().enzymes()) {
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

    private static Flag flag(PatientTimeline timeline, ScoredVisit reference, ScoredVisit latest, List<ScoredVisit> span) {
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
        String message = ClinicalText.mmt8(latest.measures()) + " on " + latest.date() + " is no better than "
                + ClinicalText.mmt8(reference.measures()) + " on " + reference.date()
                + " while the enzymes stayed normal and no MRI showed oedema: the weakness may be " + causes
                + "; consider an MRI and a repeat biopsy.";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ClinicalText.visitEvidence(reference, "Reference visit"));
        for (ScoredVisit visit : span.subList(1, span.size())) {
            evidence.add(ClinicalText.visitEvidence(visit, visit == latest ? "Latest visit" : "Enzymes normal"));
        }
        timeline.record().investigations().stream()
                .filter(i -> i.type() == InvestigationType.MRI && !i.date().isBefore(reference.date())
                        && !i.date().isAfter(latest.date()))
                .forEach(i -> evidence.add(new Evidence("investigation", i.id(), "MRI " + i.date() + " without oedema: "
                        + ClinicalText.findings(i.findings()))));
        return new Flag(FlagCode.WEAKNESS_WITHOUT_ACTIVITY, latest.date(), message, List.copyOf(evidence), REFERENCE);
    }
}
