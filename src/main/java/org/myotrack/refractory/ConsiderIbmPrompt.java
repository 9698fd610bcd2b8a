package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.scoring.ScoredVisit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CONSIDER_IBM} (clinical.md §6; Lundberg 2021; Coyle, Plotz and Gourley 2008): refractory polymyositis, or
 * refractory IMNM without a positive SRP or HMGCR antibody, with onset at the IBM onset age or later; or, whatever
 * the diagnosis other than IBM, a biopsy with rimmed vacuoles.
 */
final class ConsiderIbmPrompt {

    static final String REFERENCE = "Lundberg, Arthritis Rheumatol 2021, doi 10.1002/art.41762; Coyle, Plotz and Gourley, The Rheumatologist 2008";

    private ConsiderIbmPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline, List<Flag> refractoryFlags) {
        PatientRecord record = timeline.record();
        List<String> reasons = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        ScoredVisit latest = timeline.latestVisit();
        if (!refractoryFlags.isEmpty() && suspectSubgroup(record) && record.onsetAge() != null
                && record.onsetAge() >= timeline.config().ibmOnsetAge()) {
            String flags = String.join(", ", refractoryFlags.stream().map(f -> f.code() + " since " + f.since()).toList());
            reasons.add("refractory " + record.diagnosis() + " with onset at " + record.onsetAge());
            evidence.add(ClinicalText.visitEvidence(latest, record.diagnosis() + ", onset at " + record.onsetAge()
                    + ", refractory (" + flags + ")"));
        }
        if (record.diagnosis() != Diagnosis.IBM) {
            record.investigations().stream()
                    .filter(i -> i.type() == InvestigationType.BIOPSY && !i.date().isAfter(timeline.evaluationDate())
                            && i.findings().contains(Finding.RIMMED_VACUOLES))
                    .forEach(i -> {
                        reasons.add("rimmed vacuoles on the biopsy of " + i.date());
                        evidence.add(new Evidence("investigation", i.id(), "Biopsy " + i.date() + ": "
                                + ClinicalText.findings(i.findings())));
                    });
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String message = "Consider inclusion body myositis (" + String.join("; ", reasons)
                + "): look for finger-flexor and quadriceps weakness, review the biopsy for IBM features and test anti-cN1A.";
        return Optional.of(new Flag(FlagCode.CONSIDER_IBM, latest.date(), message, List.copyOf(evidence), REFERENCE));
    }

    private static boolean suspectSubgroup(PatientRecord record) {
        if (record.diagnosis() == Diagnosis.PM) {
            return true;
        }
        return record.diagnosis() == Diagnosis.IMNM && !positive(record, Antibody.SRP) && !positive(record, Antibody.HMGCR);
    }

    private static boolean positive(PatientRecord record, Antibody antibody) {
        return record.antibodies().get(antibody) == AntibodyResult.POSITIVE;
    }
}
