package org.myotrack.refractory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.myotrack.common.IdGroups;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.LatestSerology;
import org.myotrack.patient.StatinExposure;
import org.myotrack.scoring.CoreSetMeasures;
import org.myotrack.scoring.EnzymeLevel;
import org.myotrack.scoring.ResponseCriteria;
import org.myotrack.scoring.ScoredVisit;
import org.myotrack.scoring.VisitSigns;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyPeriod;
import org.myotrack.visit.EnzymeTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Reads patients' whole records for the rules, straight from the tables into plain records: a fixed number of
 * queries for any number of patients (patients, serology, visits with enzymes, therapies, investigations with
 * findings), never one query per row, and no entity in the persistence context. Re-evaluating the whole registry
 * spends its time in the rules and the database, not in building and flushing entities that are only read.
 * Callers inside a writing transaction flush first, so the record read is the one the transaction wrote.
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
        return em.unwrap(Session.class).doReturningWork(connection -> load(connection, patientIds));
    }

    /** As {@link #load(Collection)}, on the given connection. */
    public Map<Long, PatientRecord> load(Connection connection, Collection<Long> patientIds) throws SQLException {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        List<List<Long>> groups = IdGroups.of(patientIds);
        Map<Long, Patient> patients = readPatients(connection, groups, patientIds);
        for (List<Long> group : groups) {
            readAntibodies(connection, group, patients);
            readVisits(connection, group, patients);
            readTherapies(connection, group, patients);
            readInvestigations(connection, group, patients);
        }
        Map<Long, PatientRecord> records = new LinkedHashMap<>();
        for (Patient patient : patients.values()) {
            patient.investigations.sort(Comparator.comparing(InvestigationRecord::date).thenComparing(InvestigationRecord::id));
            records.put(patient.id, new PatientRecord(patient.id, patient.diagnosis, patient.juvenile, patient.birthDate,
                    patient.onsetDate, patient.diagnosisDate, patient.statinExposure, patient.statinStartDate,
                    patient.antibodies(), patient.visits, patient.therapies, patient.investigations));
        }
        return records;
    }

    /**
     * Only the scored visits of the given patients, with what scoring them needs (the response thresholds, the date of
     * diagnosis), keyed and ordered by patient id: for work over many patients that scores trajectories and reads
     * nothing else, such as the cohort's response chart. Two queries per group of ids, where {@link #load} reads
     * serology, therapies and investigations too.
     */
    public Map<Long, PatientVisits> loadVisits(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<List<Long>> groups = IdGroups.of(patientIds);
            Map<Long, Patient> patients = readPatients(connection, groups, patientIds);
            for (List<Long> group : groups) {
                readVisits(connection, group, patients);
            }
            Map<Long, PatientVisits> visits = new LinkedHashMap<>();
            for (Patient patient : patients.values()) {
                visits.put(patient.id, new PatientVisits(patient.id, ResponseCriteria.of(patient.diagnosis),
                        patient.diagnosisDate, patient.visits));
            }
            return visits;
        });
    }

    /** A patient's scored visits in date order, for {@link #loadVisits}, with the response thresholds of the subgroup. */
    public record PatientVisits(long patientId, ResponseCriteria responseCriteria, LocalDate diagnosisDate,
                                List<ScoredVisit> visits) {
        public PatientVisits {
            visits = List.copyOf(visits);
        }
    }

    /** A patient's record as it is read, table by table. */
    private static final class Patient {
        final long id;
        final Diagnosis diagnosis;
        final boolean juvenile;
        final LocalDate birthDate;
        final LocalDate onsetDate;
        final LocalDate diagnosisDate;
        final StatinExposure statinExposure;
        final LocalDate statinStartDate;
        final LatestSerology serology = new LatestSerology();
        final List<ScoredVisit> visits = new ArrayList<>();
        final List<TherapyPeriod> therapies = new ArrayList<>();
        final List<InvestigationRecord> investigations = new ArrayList<>();

        Patient(long id, Diagnosis diagnosis, boolean juvenile, LocalDate birthDate, LocalDate onsetDate,
                LocalDate diagnosisDate, StatinExposure statinExposure, LocalDate statinStartDate) {
            this.id = id;
            this.diagnosis = diagnosis;
            this.juvenile = juvenile;
            this.birthDate = birthDate;
            this.onsetDate = onsetDate;
            this.diagnosisDate = diagnosisDate;
            this.statinExposure = statinExposure;
            this.statinStartDate = statinStartDate;
        }

        Map<Antibody, AntibodyResult> antibodies() {
            return serology.results();
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<Long> group, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            IdGroups.bind(statement, 1, group);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** The patients asked for, keyed and ordered by id, read group by group. */
    private static Map<Long, Patient> readPatients(Connection connection, List<List<Long>> groups,
                                                   Collection<Long> patientIds) throws SQLException {
        Map<Long, Patient> patients = new LinkedHashMap<>();
        for (List<Long> group : groups) {
            readPatients(connection, group, patients);
        }
        // A range may cover patients not asked for: only those asked for are kept, and rows of others skipped.
        patients.keySet().retainAll(Set.copyOf(patientIds));
        return patients;
    }

    private static void readPatients(Connection connection, List<Long> group, Map<Long, Patient> patients) throws SQLException {
        query(connection, "SELECT id, diagnosis, juvenile, birth_date, onset_date, diagnosis_date, statin_exposure,"
                + " statin_start_date FROM patients WHERE " + IdGroups.condition("id", group) + " ORDER BY id", group, row -> {
            long id = row.getLong(1);
            patients.put(id, new Patient(id, Diagnosis.valueOf(row.getString(2)), row.getBoolean(3), date(row, 4),
                    date(row, 5), date(row, 6), StatinExposure.valueOf(row.getString(7)), date(row, 8)));
        });
    }

    private static void readAntibodies(Connection connection, List<Long> group, Map<Long, Patient> patients) throws SQLException {
        query(connection, "SELECT patient_id, antibody, test_result, test_date FROM autoantibodies WHERE "
                + IdGroups.condition("patient_id", group) + " ORDER BY patient_id, id", group, row -> {
            Patient patient = patients.get(row.getLong(1));
            if (patient != null) {
                patient.serology.add(Antibody.valueOf(row.getString(2)), AntibodyResult.valueOf(row.getString(3)), date(row, 4));
            }
        });
    }

    private static void readVisits(Connection connection, List<Long> group, Map<Long, Patient> patients) throws SQLException {
        VisitRows visits = new VisitRows(patientId -> {
            Patient patient = patients.get(patientId);
            return patient == null ? null : patient.visits;
        }, visitId -> true);
        query(connection, VISITS + IdGroups.condition("v.patient_id", group) + VISITS_ORDER, group, visits::read);
        visits.finish();
    }

    private static final String VISITS = "SELECT v.patient_id, v.id, v.visit_date, v.physician_global_activity,"
            + " v.patient_global_activity, v.mmt8, v.mmt8_max, v.cmas, v.haq, v.extramuscular_activity, e.test,"
            + " e.test_value, e.uln, v.body_weight_kg, v.cdasi_activity, v.dysphagia, v.finger_flexor_weakness,"
            + " v.quadriceps_weakness FROM visits v LEFT JOIN enzyme_results e ON e.visit_id = v.id WHERE ";
    private static final String VISITS_ORDER = " AND v.deleted_at IS NULL ORDER BY v.patient_id, v.visit_date, v.id, e.test";

    /**
     * The visits with the given ids, with their enzyme results, by patient, each as {@link #load} reads it, in order
     * of id: {@link #withAdded} puts them in date order. Ids not asked for are left out, though a range of ids holds them.
     */
    public Map<Long, List<ScoredVisit>> readVisitsById(Connection connection, Collection<Long> visitIds) throws SQLException {
        Map<Long, List<ScoredVisit>> byPatient = new HashMap<>();
        Set<Long> asked = Set.copyOf(visitIds);
        for (List<Long> group : IdGroups.of(visitIds)) {
            VisitRows visits = new VisitRows(patientId -> byPatient.computeIfAbsent(patientId, id -> new ArrayList<>()),
                    asked::contains);
            query(connection, VISITS + IdGroups.condition("v.id", group) + " AND v.deleted_at IS NULL ORDER BY v.id, e.test",
                    group, visits::read);
            visits.finish();
        }
        return byPatient;
    }

    /** Collects the rows of a visit (one per enzyme result) into one scored visit, on its patient's list. */
    private static final class VisitRows {
        private final LongFunction<List<ScoredVisit>> visitsOf;
        private final LongPredicate wanted;
        private List<ScoredVisit> patientVisits;
        private long visitId = -1;
        private LocalDate date;
        private Object[] measures;
        private VisitSigns signs;
        private final List<EnzymeLevel> enzymes = new ArrayList<>();

        /** {@code visitsOf} gives the list a patient's visits go on, null to skip them; {@code wanted} picks visits. */
        VisitRows(LongFunction<List<ScoredVisit>> visitsOf, LongPredicate wanted) {
            this.visitsOf = visitsOf;
            this.wanted = wanted;
        }

        void read(ResultSet row) throws SQLException {
            long id = row.getLong(2);
            if (id != visitId) {
                finish();
                patientVisits = wanted.test(id) ? visitsOf.apply(row.getLong(1)) : null;
                visitId = id;
                date = date(row, 3);
                measures = new Object[] {decimal(row, 4), decimal(row, 5), integer(row, 6), integer(row, 7),
                        integer(row, 8), decimal(row, 9), decimal(row, 10)};
                signs = new VisitSigns(decimal(row, 14), integer(row, 15), bool(row, 16), bool(row, 17), bool(row, 18));
            }
            String test = row.getString(11);
            if (test != null) {
                enzymes.add(new EnzymeLevel(EnzymeTest.valueOf(test), row.getDouble(12), row.getDouble(13)));
            }
        }

        void finish() {
            if (visitId >= 0 && patientVisits != null) {
                patientVisits.add(new ScoredVisit(visitId, date, new CoreSetMeasures((Double) measures[0],
                        (Double) measures[1], (Integer) measures[2], (Integer) measures[3], (Integer) measures[4],
                        (Double) measures[5], (Double) measures[6], List.copyOf(enzymes)), signs));
            }
            enzymes.clear();
            visitId = -1;
        }
    }

    private static void readTherapies(Connection connection, List<Long> group, Map<Long, Patient> patients) throws SQLException {
        query(connection, THERAPIES + IdGroups.condition("patient_id", group) + THERAPIES_ORDER, group, row -> {
            Patient patient = patients.get(row.getLong(1));
            if (patient != null) {
                patient.therapies.add(therapy(row));
            }
        });
    }

    private static final String THERAPIES = "SELECT patient_id, id, drug, drug_name, dose, dose_unit, frequency, route,"
            + " start_date, end_date, stop_reason FROM therapies WHERE ";
    private static final String THERAPIES_ORDER = " AND deleted_at IS NULL ORDER BY patient_id, start_date, id";

    /**
     * The therapies with the given ids, by patient, each as {@link #load} reads it, in order of id: {@link #withAdded}
     * puts them in order of start. Ids not asked for are left out, though a range of ids holds them.
     */
    public Map<Long, List<TherapyPeriod>> readTherapiesById(Connection connection, Collection<Long> therapyIds) throws SQLException {
        Map<Long, List<TherapyPeriod>> byPatient = new HashMap<>();
        Set<Long> asked = Set.copyOf(therapyIds);
        for (List<Long> group : IdGroups.of(therapyIds)) {
            query(connection, THERAPIES + IdGroups.condition("id", group) + " AND deleted_at IS NULL ORDER BY id", group, row -> {
                if (asked.contains(row.getLong(2))) {
                    byPatient.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(therapy(row));
                }
            });
        }
        return byPatient;
    }

    private static TherapyPeriod therapy(ResultSet row) throws SQLException {
        return new TherapyPeriod(row.getLong(2), Drug.valueOf(row.getString(3)), row.getString(4), decimal(row, 5),
                enumOf(DoseUnit.class, row.getString(6)), enumOf(Frequency.class, row.getString(7)),
                enumOf(Route.class, row.getString(8)), date(row, 9), date(row, 10),
                enumOf(StopReason.class, row.getString(11)));
    }

    /**
     * The record with visits and therapies added to it, each list in the order {@link #load} reads it (visits by date,
     * therapies by start, then by id): the record as it reads once those rows are stored.
     */
    public static PatientRecord withAdded(PatientRecord record, List<ScoredVisit> visits, List<TherapyPeriod> therapies) {
        if (visits.isEmpty() && therapies.isEmpty()) {
            return record;
        }
        List<ScoredVisit> allVisits = new ArrayList<>(record.visits());
        allVisits.addAll(visits);
        allVisits.sort(Comparator.comparing(ScoredVisit::date).thenComparingLong(ScoredVisit::id));
        List<TherapyPeriod> allTherapies = new ArrayList<>(record.therapies());
        allTherapies.addAll(therapies);
        allTherapies.sort(Comparator.comparing(TherapyPeriod::startDate).thenComparingLong(TherapyPeriod::id));
        return record.with(allVisits, allTherapies);
    }

    private static void readInvestigations(Connection connection, List<Long> group, Map<Long, Patient> patients) throws SQLException {
        String sql = "SELECT i.patient_id, i.id, i.investigation_date, i.investigation_type, f.finding"
                + " FROM investigations i LEFT JOIN investigation_findings f ON f.investigation_id = i.id"
                + " WHERE " + IdGroups.condition("i.patient_id", group) + " AND i.deleted_at IS NULL"
                + " ORDER BY i.patient_id, i.investigation_date, i.id";
        Map<Long, Object[]> investigations = new LinkedHashMap<>();
        query(connection, sql, group, row -> {
            Object[] investigation = investigations.computeIfAbsent(row.getLong(2), id -> {
                try {
                    return new Object[] {row.getLong(1), date(row, 3), InvestigationType.valueOf(row.getString(4)),
                            EnumSet.noneOf(Finding.class)};
                } catch (SQLException failed) {
                    throw new IllegalStateException(failed);
                }
            });
            String finding = row.getString(5);
            if (finding != null) {
                @SuppressWarnings("unchecked")
                Set<Finding> findings = (Set<Finding>) investigation[3];
                findings.add(Finding.valueOf(finding));
            }
        });
        investigations.forEach((id, investigation) -> {
            Patient patient = patients.get((Long) investigation[0]);
            if (patient != null) {
                @SuppressWarnings("unchecked")
                Set<Finding> findings = (Set<Finding>) investigation[3];
                patient.investigations.add(new InvestigationRecord(id, (LocalDate) investigation[1],
                        (InvestigationType) investigation[2], Set.copyOf(findings)));
            }
        });
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static Double decimal(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
