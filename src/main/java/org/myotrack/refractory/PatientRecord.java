package org.myotrack.refractory;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.StatinExposure;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the refractory rules read of one patient, as plain data: subgroup, dates of birth, onset and diagnosis,
 * statin exposure, serology (the latest result per antibody), visits in date order, therapies and investigations.
 *
 * @param onsetDate       date of symptom onset; null when not recorded
 * @param diagnosisDate   date of diagnosis; null when not recorded
 * @param statinExposure  never null: {@code UNKNOWN} when not recorded
 * @param statinStartDate when the statin was started; null when not recorded
 */
public record PatientRecord(long patientId, Diagnosis diagnosis, boolean juvenile, LocalDate birthDate,
                            LocalDate onsetDate, LocalDate diagnosisDate, StatinExposure statinExposure,
                            LocalDate statinStartDate, Map<Antibody, AntibodyResult> antibodies,
                            List<ScoredVisit> visits, List<TherapyPeriod> therapies,
                            List<InvestigationRecord> investigations) {

    public PatientRecord {
        statinExposure = statinExposure == null ? StatinExposure.UNKNOWN : statinExposure;
        antibodies = Map.copyOf(antibodies);
        visits = List.copyOf(visits);
        therapies = List.copyOf(therapies);
        investigations = List.copyOf(investigations);
    }

    /** The evaluation date: the latest visit; null when there are no visits. */
    public LocalDate evaluationDate() {
        return visits.isEmpty() ? null : visits.get(visits.size() - 1).date();
    }

    /** The response thresholds of the patient's subgroup (R5). */
    public ResponseCriteria responseCriteria() {
        return ResponseCriteria.of(diagnosis, juvenile);
    }

    public boolean positive(Antibody antibody) {
        return antibodies.get(antibody) == AntibodyResult.POSITIVE;
    }

    /** The same record with other visits and therapies, each list in date order. */
    public PatientRecord with(List<ScoredVisit> newVisits, List<TherapyPeriod> newTherapies) {
        return new PatientRecord(patientId, diagnosis, juvenile, birthDate, onsetDate, diagnosisDate, statinExposure,
                statinStartDate, antibodies, newVisits, newTherapies, investigations);
    }
}
