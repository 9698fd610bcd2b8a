package org.myotrack.refractory;

import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.StatinExposure;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.therapy.TherapyPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the refractory rules read of one patient, as plain data: subgroup, dates of birth, onset and diagnosis,
 * statin exposure, serology (the latest result per antibody), visits and investigations in date order, therapies in
 * order of start.
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
        visits = inOrder(visits, VISIT_ORDER);
        therapies = inOrder(therapies, THERAPY_ORDER);
        investigations = inOrder(investigations, INVESTIGATION_ORDER);
    }

    /*
     * Records are read in date order and, on one day, in an order of their content rather than of their ids, so the
     * rules, their messages and evidence do not depend on the order in which a clinic entered them; the id decides
     * only between records alike in everything the rules read.
     */
    private static final Comparator<ScoredVisit> VISIT_ORDER = Comparator.comparing(ScoredVisit::date)
            .thenComparing(v -> v.measures().toString()).thenComparing(v -> v.signs().toString())
            .thenComparingLong(ScoredVisit::id);
    private static final Comparator<TherapyPeriod> THERAPY_ORDER = Comparator.comparing(TherapyPeriod::startDate)
            .thenComparing(t -> t.drug().name()).thenComparing(t -> String.valueOf(t.drugName()))
            .thenComparing(t -> t.dose() == null ? Double.NEGATIVE_INFINITY : t.dose())
            .thenComparing(t -> String.valueOf(t.doseUnit())).thenComparing(t -> String.valueOf(t.frequency()))
            .thenComparing(t -> String.valueOf(t.route()))
            .thenComparing(t -> t.endDate() == null ? LocalDate.MAX : t.endDate())
            .thenComparing(t -> String.valueOf(t.stopReason())).thenComparingLong(TherapyPeriod::id);
    private static final Comparator<InvestigationRecord> INVESTIGATION_ORDER = Comparator
            .comparing(InvestigationRecord::date).thenComparing(i -> i.type().name())
            .thenComparing(i -> new TreeSet<>(i.findings()).toString()).thenComparingLong(InvestigationRecord::id);

    private static <T> List<T> inOrder(List<T> records, Comparator<T> order) {
        List<T> sorted = new ArrayList<>(records);
        sorted.sort(order);
        return List.copyOf(sorted);
    }

    /** The evaluation date: the latest visit; null when there are no visits. */
    public LocalDate evaluationDate() {
        return visits.isEmpty() ? null : visits.get(visits.size() - 1).date();
    }

    /** The response thresholds of the patient's subgroup (R5). */
    public ResponseCriteria responseCriteria() {
        return ResponseCriteria.of(diagnosis);
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
