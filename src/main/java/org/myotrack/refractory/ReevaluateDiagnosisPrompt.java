package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Diagnosis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code REEVALUATE_DIAGNOSIS} (R9c, clinical-v2.md; Lundberg, Arthritis Rheumatol 2021): a refractory patient whose
 * latest biopsy shows no inflammatory finding, whose latest MRI shows atrophy or fatty replacement without oedema,
 * whose latest EMG is neurogenic, or whose PM, IMNM or unclassified myositis is seronegative (no positive
 * myositis-specific antibody) and unsupported by pathology (no biopsy with an inflammatory or necrotising finding).
 */
final class ReevaluateDiagnosisPrompt {

    static final String REFERENCE = WeaknessWithoutActivityPrompt.REFERENCE;
    private static final Set<Finding> NON_INFLAMMATORY = EnumSet.of(Finding.NO_INFLAMMATION, Finding.NONSPECIFIC_MYOPATHIC);
    // R9c: the biopsy findings that support an inflammatory myopathy
    private static final Set<Finding> SUPPORTING_PATHOLOGY = EnumSet.of(Finding.INFLAMMATORY_INFILTRATES,
            Finding.PERIFASCICULAR_ATROPHY, Finding.NECROSIS, Finding.MHC1_UPREGULATION);
    // R9c: the subgroups whose diagnosis rests on serology or pathology
    private static final Set<Diagnosis> SERONEGATIVE_SUSPECT = EnumSet.of(Diagnosis.PM, Diagnosis.IMNM, Diagnosis.UNCLASSIFIED);

    private ReevaluateDiagnosisPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline, boolean refractory) {
        if (!refractory) {
            return Optional.empty();
        }
        LocalDate date = timeline.evaluationDate();
        PatientRecord record = timeline.record();
        List<String> findings = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        latest(timeline, InvestigationType.BIOPSY)
                .filter(b -> !b.findings().isEmpty() && NON_INFLAMMATORY.containsAll(b.findings()))
                .ifPresent(b -> {
                    findings.add("the latest biopsy (" + b.date() + ") shows no inflammation");
                    evidence.add(new Evidence("investigation", b.id(), "Biopsy " + b.date() + ": " + ClinicalText.findings(b.findings())));
                });
        latest(timeline, InvestigationType.MRI)
                .filter(m -> !m.findings().contains(Finding.MUSCLE_EDEMA)
                        && (m.findings().contains(Finding.ATROPHY) || m.findings().contains(Finding.FATTY_REPLACEMENT)))
                .ifPresent(m -> {
                    findings.add("the latest MRI (" + m.date() + ") shows damage without oedema");
                    evidence.add(new Evidence("investigation", m.id(), "MRI " + m.date() + ": " + ClinicalText.findings(m.findings())));
                });
        latest(timeline, InvestigationType.EMG)
                .filter(e -> e.findings().contains(Finding.NEUROGENIC))
                .ifPresent(e -> {
                    findings.add("the latest EMG (" + e.date() + ") is neurogenic");
                    evidence.add(new Evidence("investigation", e.id(), "EMG " + e.date() + ": " + ClinicalText.findings(e.findings())));
                });
        if (seronegativeAndUnsupported(timeline)) {
            findings.add("the " + ClinicalText.diagnosis(record.diagnosis())
                    + " is seronegative and no biopsy shows inflammation or necrosis");
            evidence.add(new Evidence("patient", record.patientId(), ClinicalText.diagnosis(record.diagnosis())
                    + ": no positive myositis-specific antibody, no biopsy with inflammatory infiltrates,"
                    + " perifascicular atrophy, necrosis or MHC-I upregulation"));
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        String message = "Refractory, and " + String.join(" and ", findings)
                + ": consider muscular dystrophy, a neurogenic disorder, or a metabolic or drug-induced myopathy;"
                + " review or repeat the biopsy and consider genetic testing.";
        return Optional.of(new Flag(FlagCode.REEVALUATE_DIAGNOSIS, date, message, List.copyOf(evidence), REFERENCE));
    }

    private static boolean seronegativeAndUnsupported(PatientTimeline timeline) {
        PatientRecord record = timeline.record();
        if (!SERONEGATIVE_SUSPECT.contains(record.diagnosis())) {
            return false;
        }
        boolean positiveMsa = record.antibodies().keySet().stream()
                .anyMatch(antibody -> antibody.isMyositisSpecific() && record.positive(antibody));
        boolean supportingBiopsy = record.investigations().stream()
                .anyMatch(i -> i.type() == InvestigationType.BIOPSY && !i.date().isAfter(timeline.evaluationDate())
                        && i.findings().stream().anyMatch(SUPPORTING_PATHOLOGY::contains));
        return !positiveMsa && !supportingBiopsy;
    }

    static Optional<InvestigationRecord> latest(PatientTimeline timeline, InvestigationType type) {
        InvestigationRecord latest = null;
        for (InvestigationRecord investigation : timeline.record().investigations()) {
            if (investigation.type() != type || investigation.date().isAfter(timeline.evaluationDate())) {
                continue;
            }
            if (latest == null || !investigation.date().isBefore(latest.date())) {
                latest = investigation;
            }
        }
        return Optional.ofNullable(latest);
    }
}
