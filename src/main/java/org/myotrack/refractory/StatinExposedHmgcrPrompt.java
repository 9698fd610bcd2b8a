package org.myotrack.refractory;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.StatinExposure;

import java.util.List;
import java.util.Optional;

/**
 * {@code STATIN_EXPOSED_HMGCR} (R10, clinical-v2.md; Mammen, NEJM 2016;374:664–9; ENMC 224th workshop, Allenbach
 * 2018): anti-HMGCR positive with past or current statin exposure. A prompt only; it does not make the patient
 * refractory.
 */
final class StatinExposedHmgcrPrompt {

    static final String REFERENCE = "Mammen, N Engl J Med 2016;374:664–9; Allenbach et al., ENMC 224th workshop 2018";

    private StatinExposedHmgcrPrompt() {
    }

    static Optional<Flag> evaluate(PatientTimeline timeline) {
        PatientRecord record = timeline.record();
        StatinExposure exposure = record.statinExposure();
        if (!record.positive(Antibody.HMGCR) || (exposure != StatinExposure.PAST && exposure != StatinExposure.CURRENT)) {
            return Optional.empty();
        }
        String statin = (exposure == StatinExposure.CURRENT ? "current" : "past") + " statin exposure"
                + (record.statinStartDate() == null ? "" : " (statin started " + record.statinStartDate() + ")");
        // R10's sentence as the specification gives it; the exposure and its date go to the evidence.
        String message = "Anti-HMGCR myopathy with statin exposure: stop the statin and do not re-challenge;"
                + " IVIG is an early option.";
        List<Evidence> evidence = List.of(new Evidence("patient", record.patientId(), "Anti-HMGCR positive, " + statin));
        return Optional.of(new Flag(FlagCode.STATIN_EXPOSED_HMGCR, timeline.evaluationDate(), message, evidence, REFERENCE));
    }
}
