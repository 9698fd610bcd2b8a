package org.myotrack.refractory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads patients' whole records for the rules: a fixed number of queries for any number of patients (patients
 * with serology, visits with enzymes, therapies, investigations with findings), never one query per row.
 */
@ApplicationScoped
public class PatientRecordLoader {

    @Inject
    EntityManager em;

    /** The records of the given patients, keyed and ordered by patient id; unknown ids are skipped. */
    public Map<Long, PatientRecord> load(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        List<Patient> patients = em.createQuery("select distinct p from Patient p left join fetch p.autoantibodies"
                        + " where p.id in :ids order by p.id", Patient.class)
                .setParameter("ids", patientIds).getResultList();
        Map<Long, List<ScoredVisit>> visits = new HashMap<>();
        for (Visit visit : em.createQuery("select distinct v from Visit v left join fetch v.enzymes"
                        + " where v.patientId in :ids and v.deletedAt is null order by v.patientId, v.visitDate, v.id", Visit.class)
                .setParameter("ids", patientIds).getResultList()) {
            visits.computeIfAbsent(visit.patientId, id -> new ArrayList<>()).add(TrajectoryService.toScoredVisit(visit));
        }
        Map<Long, List<TherapyPeriod>> therapies = new HashMap<>();
        for (Therapy therapy : em.createQuery("select t from Therapy t where t.patientId in :ids and t.deletedAt is null"
                        + " order by t.patientId, t.startDate, t.id", Therapy.class)
                .setParameter("ids", patientIds).getResultList()) {
            therapies.computeIfAbsent(therapy.patientId, id -> new ArrayList<>()).add(TherapyPeriod.of(therapy));
        }
        Map<Long, List<InvestigationRecord>> investigations = new HashMap<>();
        for (Investigation investigation : em.createQuery("select distinct i from Investigation i left join fetch i.findings"
                        + " where i.patientId in :ids and i.deletedAt is null order by i.patientId, i.date, i.id", Investigation.class)
                .setParameter("ids", patientIds).getResultList()) {
            investigations.computeIfAbsent(investigation.patientId, id -> new ArrayList<>()).add(new InvestigationRecord(
                    investigation.id, investigation.date, investigation.type, Set.copyOf(investigation.findings)));
        }
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
