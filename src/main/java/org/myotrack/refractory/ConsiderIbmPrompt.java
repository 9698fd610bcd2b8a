package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.Diagnosis;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.MuscleStrengthComparison;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.VisitSigns;
import org.myotrack.visit.EnzymeTest;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code CONSIDER_IBM} (R7, clinical-v2.md; ENMC 2011, Rose, Neuromuscul Disord 2013;23:1044–55): a patient whose
 * diagnosis is not IBM and who has no positive SRP or HMGCR antibody meets every mandatory ENMC feature — onset after
 * 45 (M1), disease longer than 12 months at the evaluation date (M2), at least one CK and every CK at most 15 × ULN
 * (M3) — and at least one supporting feature: finger-flexor or quadriceps weakness at the latest visit recording it
 * (S1), anti-cN1A positive (S2), refractory with dysphagia at any visit (S3), refractory with MMT-8 lower than at the
 * latest visit at least 12 months earlier (S4). Independently (v1, kept): a biopsy with rimmed vacuoles.
 */
final class ConsiderIbmPrompt {

    static final String REFERENCE = "Rose et al., Neuromuscul Disord 2013;23:1044–55 (ENMC 2011 IBM criteria);"
            + " Lundberg, Arthritis Rheumatol 2021, doi 10.1002/art.41762";

    private ConsiderIbmPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline, List<Flag> refractoryFlags) {
        PatientRecord record = timeline.record();
        if (record.diagnosis() == Diagnosis.IBM) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        ScoredVisit latest = timeline.latestVisit();
        if (!record.positive(Antibody.SRP) && !record.positive(Antibody.HMGCR)) {
            enmcFeatures(timeline, !refractoryFlags.isEmpty(), reasons, evidence);
        }
        record.investigations().stream()
                .filter(i -> i.type() == InvestigationType.BIOPSY && !i.date().isAfter(timeline.evaluationDate())
                        && i.findings().contains(Finding.RIMMED_VACUOLES))
                .forEach(i -> {
                    reasons.add("rimmed vacuoles on the biopsy of " + i.date());
                    evidence.add(new Evidence("investigation", i.id(), "Biopsy " + i.date() + ": "
                            + ClinicalText.findings(i.findings())));
                });
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String message = "Consider inclusion body myositis (" + String.join("; ", reasons)
                + "): review the biopsy for IBM features (rimmed vacuoles, protein aggregates, mitochondrial changes),"
                + " test anti-cN1A if not done, and examine finger flexors and quadriceps.";
        return Optional.of(new Flag(FlagCode.CONSIDER_IBM, latest.date(), message, List.copyOf(evidence), REFERENCE));
    }

    /** Adds the ENMC mandatory and supporting features met, when all mandatory and at least one supporting hold. */
    private static void enmcFeatures(PatientTimeline timeline, boolean refractory, List<String> reasons,
                                     List<Evidence> evidence) {
        PatientRecord record = timeline.record();
        RuleConfig config = timeline.config();
        LocalDate onset = record.onsetDate();
        if (onset == null || record.birthDate() == null) {
            return;
        }
        // M1: onset strictly after the 45th birthday; M2: the evaluation date strictly after onset + 12 months
        if (!onset.isAfter(record.birthDate().plusYears(config.ibmOnsetAge()))
                || !timeline.evaluationDate().isAfter(onset.plusMonths(config.ibmDurationMonths()))) {
            return;
        }
        // M3: at least one CK, every CK ≤ 15 × ULN
        double highestCk = -1;
        ScoredVisit highestCkVisit = null;
        for (ScoredVisit visit : timeline.visits()) {
            for (EnzymeLevel enzyme : visit.measures().enzymes()) {
                if (enzyme.test() == EnzymeTest.CK && enzyme.timesUln() > highestCk) {
                    highestCk = enzyme.timesUln();
                    highestCkVisit = visit;
                }
            }
        }
        if (highestCkVisit == null || highestCk > config.ibmMaxCkTimesUln() + ActivityTest.TOLERANCE) {
            return;
        }
        List<String> supporting = new ArrayList<>();
        List<Evidence> supportingEvidence = new ArrayList<>();
        // S1: finger-flexor or quadriceps weakness at the latest visit recording it
        latestRecording(timeline, VisitSigns::fingerFlexorWeakness).filter(v -> v.signs().fingerFlexorWeakness())
                .ifPresent(v -> {
                    supporting.add("finger flexion weaker than shoulder abduction on " + v.date());
                    supportingEvidence.add(new Evidence("visit", v.id(), v.date() + ": finger flexion weaker than shoulder abduction"));
                });
        latestRecording(timeline, VisitSigns::quadricepsWeakness).filter(v -> v.signs().quadricepsWeakness())
                .ifPresent(v -> {
                    supporting.add("knee extension weakness at least that of hip flexion on " + v.date());
                    supportingEvidence.add(new Evidence("visit", v.id(), v.date() + ": knee extension weakness at least that of hip flexion"));
                });
        // S2: anti-cN1A
        if (record.positive(Antibody.CN1A)) {
            supporting.add("anti-cN1A positive");
            supportingEvidence.add(new Evidence("patient", record.patientId(), "Anti-cN1A positive"));
        }
        if (refractory) {
            // S3: refractory with dysphagia at any visit
            timeline.visits().stream().filter(v -> Boolean.TRUE.equals(v.signs().dysphagia())).findFirst().ifPresent(v -> {
                supporting.add("refractory, with dysphagia on " + v.date());
                supportingEvidence.add(new Evidence("visit", v.id(), v.date() + ": dysphagia"));
            });
            // S4: refractory with MMT-8 lower than at the latest visit at least 12 months earlier
            slowProgression(timeline).ifPresent(reference -> {
                ScoredVisit latest = timeline.latestVisit();
                supporting.add("refractory, MMT-8 " + latest.measures().mmt8() + "/" + latest.measures().mmt8Max()
                        + " on " + latest.date() + " below " + reference.measures().mmt8() + " on " + reference.date());
                supportingEvidence.add(ClinicalText.visitEvidence(reference, "Slow progression, compared with"));
            });
        }
        if (supporting.isEmpty()) {
            return;
        }
        String onsetAge = String.valueOf(Period.between(record.birthDate(), onset).getYears());
        reasons.add("onset at " + onsetAge + " on " + onset + ", disease for over " + config.ibmDurationMonths()
                + " months, CK at most " + ClinicalText.number(Math.round(highestCk * 10) / 10.0) + " × ULN; "
                + String.join(", ", supporting));
        evidence.add(new Evidence("patient", record.patientId(), ClinicalText.diagnosis(record.diagnosis())
                + ", symptom onset " + onset + " at age " + onsetAge + " (ENMC: after 45), duration over "
                + config.ibmDurationMonths() + " months by " + timeline.evaluationDate()));
        evidence.add(ClinicalText.visitEvidence(highestCkVisit, "Highest CK (ENMC: at most "
                + ClinicalText.number(config.ibmMaxCkTimesUln()) + " × ULN)"));
        evidence.addAll(supportingEvidence);
    }

    private static Optional<ScoredVisit> latestRecording(PatientTimeline timeline, Function<VisitSigns, Boolean> sign) {
        List<ScoredVisit> visits = timeline.visits();
        for (int k = visits.size() - 1; k >= 0; k--) {
            if (sign.apply(visits.get(k).signs()) != null) {
                return Optional.of(visits.get(k));
            }
        }
        return Optional.empty();
    }

    /**
     * S4: the latest visit at least the progression months earlier with MMT-8 on the latest visit's scale, when MMT-8
     * is now lower.
     */
    private static Optional<ScoredVisit> slowProgression(PatientTimeline timeline) {
        ScoredVisit latest = timeline.latestVisit();
        LocalDate cutoff = latest.date().minusMonths(timeline.config().ibmProgressionMonths());
        List<ScoredVisit> visits = timeline.visits();
        for (int k = visits.size() - 1; k >= 0; k--) {
            ScoredVisit visit = visits.get(k);
            if (visit.date().isAfter(cutoff)) {
                continue;
            }
            Optional<MuscleStrengthComparison> mmt8 = MuscleStrengthComparison.select(visit.measures(), latest.measures())
                    .filter(s -> s.instrument() == MuscleStrengthComparison.Instrument.MMT8);
            if (mmt8.isPresent()) {
                return mmt8.get().followUp() < mmt8.get().baseline() ? Optional.of(visit) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
