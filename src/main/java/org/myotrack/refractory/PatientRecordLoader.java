package org.myotrack.refractory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.AvailableHints;
import org.myotrack.investigation.Investigation;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Autoantibody;
import org.myotrack.patient.Patient;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.therapy.Therapy;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.trajectory.TrajectoryService;
import org.myotrack.visit.Visit;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads patients' whole records for the rules: a fixed number of queries for any number of patients (patients
 * with serology, visits with enzymes, therapies, investigations with findings), never one query per row. The
 * entities are read-only: Hibernate keeps no snapshots of them and skips them when it flushes.
 */
@ApplicationScoped
public class PatientRecordLoader {

    /** Largest IN list sent for scattered ids: H2 compares each row with every element of the list. */
    static final int IN_LIST_SIZE = 64;

    @Inject
    EntityManager em;

    /** The records of the given patients, keyed and ordered by patient id; unknown ids are skipped. */
    public Map<Long, PatientRecord> load(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Set<Long> wanted = new HashSet<>(patientIds);
        List<Patient> patients = query("select distinct p from Patient p left join fetch p.autoantibodies"
                + " where %s order by p.id", "p.id", Patient.class, wanted);
        Map<Long, List<ScoredVisit>> visits = new HashMap<>();
        for (Visit visit : query("select distinct v from Visit v left join fetch v.enzymes"
                + " where %s and v.deletedAt is null order by v.patientId, v.visitDate, v.id", "v.patientId", Visit.class, wanted)) {
            if (wanted.contains(visit.patientId)) {
                visits.computeIfAbsent(visit.patientId, id -> new ArrayList<>()).add(TrajectoryService.toScoredVisit(visit));
            }
        }
        Map<Long, List<TherapyPeriod>> therapies = new HashMap<>();
        for (Therapy therapy : query("select t from Therapy t where %s and t.deletedAt is null"
                + " order by t.patientId, t.startDate, t.id", "t.patientId", Therapy.class, wanted)) {
            if (wanted.contains(therapy.patientId)) {
                therapies.computeIfAbsent(therapy.patientId, id -> new ArrayList<>()).add(TherapyPeriod.of(therapy));
            }
        }
        Map<Long, List<InvestigationRecord>> investigations = new HashMap<>();
        for (Investigation investigation : query("select distinct i from Investigation i left join fetch i.findings"
                + " where %s and i.deletedAt is null order by i.patientId, i.date, i.id", "i.patientId", Investigation.class, wanted)) {
            if (wanted.contains(investigation.patientId)) {
                investigations.computeIfAbsent(investigation.patientId, id -> new ArrayList<>()).add(new InvestigationRecord(
                        investigation.id, investigation.date, investigation.type, Set.copyOf(investigation.findings)));
            }
        }
        patients.removeIf(patient -> !wanted.contains(patient.id));
        Map<Long, PatientRecord> records = new LinkedHashMap<>();
        for (Patient patient : patients) {
            List<ScoredVisit> patientVisits = visits.getOrDefault(patient.id, List.of());
            List<InvestigationRecord> patientInvestigations = new ArrayList<>(investigations.getOrDefault(patient.id, List.of()));
            patientInvestigations.sort(Comparator.comparing(InvestigationRecord::date).thenComparing(InvestigationRecord::id));
            records.put(patient.id, new PatientRecord(patient.id, patient.diagnosis, patient.juvenile, onsetAge(patient),
                    latestResults(patient.autoantibodies), patientVisits, therapies.getOrDefault(patient.id, List.of()),
                    patientInvestigations));
        }
        return records;
    }

    /**
     * Runs a read-only query whose {@code %s} is the patient condition. Ids that are close together (a batch of
     * the whole registry) are read as one id range, since H2 checks each row of an IN list one element at a time;
     * scattered ids are read in small IN lists. Callers drop rows of ids they did not ask for.
     */
    private <T> List<T> query(String jpql, String patientColumn, Class<T> type, Set<Long> ids) {
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.naturalOrder());
        long lowest = sorted.get(0);
        long highest = sorted.get(sorted.size() - 1);
        if (highest - lowest < 2L * sorted.size()) {
            return em.createQuery(String.format(jpql, patientColumn + " between :lowest and :highest"), type)
                    .setParameter("lowest", lowest).setParameter("highest", highest)
                    .setHint(AvailableHints.HINT_READ_ONLY, true).getResultList();
        }
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += IN_LIST_SIZE) {
            rows.addAll(em.createQuery(String.format(jpql, patientColumn + " in :ids"), type)
                    .setParameter("ids", sorted.subList(from, Math.min(sorted.size(), from + IN_LIST_SIZE)))
                    .setHint(AvailableHints.HINT_READ_ONLY, true).getResultList());
        }
        return rows;
    }

    private static Integer onsetAge(Patient patient) {
        LocalDate onset = patient.onsetDate != null ? patient.onsetDate : patient.diagnosisDate;
        return onset == null ? null : Period.between(patient.birthDate, onset).getYears();
    }

    /** The latest result per antibody; an undated result counts as older than any dated one. */
    private static Map<Antibody, AntibodyResult> latestResults(List<Autoantibody> antibodies) {
        Map<Antibody, Autoantibody> latest = new EnumMap<>(Antibody.class);
        for (Autoantibody antibody : antibodies) {
            Autoantibody held = latest.get(antibody.antibody);
            if (held == null || held.testDate == null
                    || antibody.testDate != null && !antibody.testDate.isBefore(held.testDate)) {
                latest.put(antibody.antibody, antibody);
            }
        }
        Map<Antibody, AntibodyResult> results = new EnumMap<>(Antibody.class);
        latest.forEach((antibody, result) -> results.put(antibody, result.result));
        return results;
    }
}
