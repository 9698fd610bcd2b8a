package org.myotrack.refractory;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the refractory rules read of one patient, as plain data: subgroup, age at onset, serology (the latest
 * result per antibody), visits in date order, therapies and investigations.
 *
 * @param onsetAge age in whole years at symptom onset (or at diagnosis when onset is unknown); null when unknown
 */
public record PatientRecord(long patientId, Diagnosis diagnosis, boolean juvenile, Integer onsetAge,
                            Map<Antibody, AntibodyResult> antibodies, List<ScoredVisit> visits,
                            List<TherapyPeriod> therapies, List<InvestigationRecord> investigations) {

    public PatientRecord {
        antibodies = Map.copyOf(antibodies);
        visits = List.copyOf(visits);
        therapies = List.copyOf(therapies);
        investigations = List.copyOf(investigations);
    }

    /** The evaluation date: the latest visit; null when there are no visits. */
    public LocalDate evaluationDate() {
        return visits.isEmpty() ? null : visits.get(visits.size() - 1).date();
    }
}
