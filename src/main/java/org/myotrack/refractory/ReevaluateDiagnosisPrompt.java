package org.myotrack.refractory;

import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code REEVALUATE_DIAGNOSIS} (clinical.md §6; Lundberg, Arthritis Rheumatol 2021): a refractory patient whose
 * latest biopsy shows no inflammatory finding, or whose latest MRI shows atrophy or fatty replacement without oedema.
 */
final class ReevaluateDiagnosisPrompt {

    static final String REFERENCE = WeaknessWithoutActivityPrompt.REFERENCE;
    private static final Set<Finding> NON_INFLAMMATORY = EnumSet.of(Finding.NO_INFLAMMATION, Finding.NONSPECIFIC_MYOPATHIC);

    private ReevaluateDiagnosisPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline, boolean refractory) {
        if (!refractory) {
            return Optional.empty();
        }
        LocalDate date = timeline.evaluationDate();
        Optional<InvestigationRecord> biopsy = latest(timeline, InvestigationType.BIOPSY)
                .filter(b -> !b.findings().isEmpty() && NON_INFLAMMATORY.containsAll(b.findings()));
        Optional<InvestigationRecord> mri = latest(timeline, InvestigationType.MRI)
                .filter(m -> !m.findings().contains(Finding.MUSCLE_EDEMA)
                        && (m.findings().contains(Finding.ATROPHY) || m.findings().contains(Finding.FATTY_REPLACEMENT)));
        if (biopsy.isEmpty() && mri.isEmpty()) {
            return Optional.empty();
        }
        List<String> findings = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        biopsy.ifPresent(b -> {
            findings.add("the latest biopsy (" + b.date() + ") shows no inflammation");
            evidence.add(new Evidence("investigation", b.id(), "Biopsy " + b.date() + ": " + ClinicalText.findings(b.findings())));
        });
        mri.ifPresent(m -> {
            findings.add("the latest MRI (" + m.date() + ") shows damage without oedema");
            evidence.add(new Evidence("investigation", m.id(), "MRI " + m.date() + ": " + ClinicalText.findings(m.findings())));
        });
        String message = "Refractory, and " + String.join(" and ", findings)
                + ": consider muscular dystrophy or a metabolic or drug-induced myopathy; repeat the biopsy and consider genetic testing.";
        return Optional.of(new Flag(FlagCode.REEVALUATE_DIAGNOSIS, date, message, List.copyOf(evidence), REFERENCE));
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
