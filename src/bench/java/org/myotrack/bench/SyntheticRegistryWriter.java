package org.myotrack.bench;

import static org.myotrack.common.JdbcValues.setDecimal;

import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.demo.SyntheticPatient;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.patient.AutoantibodyEntry;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientRequest;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.VisitRequest;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Writes a synthetic registry of any size straight into a migrated database with plain JDBC batches: the
 * benchmarks' fixture, and the plain-JDBC baseline the registry's own write paths are compared with. Ids are
 * assigned here and the sequences moved past them, so the application can go on writing afterwards.
 */
public final class SyntheticRegistryWriter {

    private static final int BATCH = 1_000;

    private final Connection connection;
    private final Timestamp now = Timestamp.from(Instant.parse("2026-07-01T00:00:00Z"));
    private long nextChildId = 1;

    public SyntheticRegistryWriter(Connection connection) {
        this.connection = connection;
    }

    /** Writes sites and {@code patientCount} generated patients; returns the number of visits written. */
    public long write(DemoCohortGenerator generator, Map<String, Long> siteIds, int patientCount, IntConsumer progress)
            throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement site = connection.prepareStatement("INSERT INTO sites (id, code, name, version) VALUES (?, ?, ?, 0)")) {
            for (Map.Entry<String, Long> entry : siteIds.entrySet()) {
                site.setLong(1, entry.getValue());
                site.setString(2, entry.getKey());
                site.setString(3, "Benchmark site " + entry.getKey());
                site.addBatch();
            }
            site.executeBatch();
        }
        long visits = 0;
        try (Batches batches = new Batches(connection)) {
            for (int index = 0; index < patientCount; index++) {
                SyntheticPatient patient = generator.patient(index);
                visits += writePatient(batches, index + 1L, siteIds.get(patient.patient().siteCode()), patient);
                if ((index + 1) % BATCH == 0) {
                    batches.flush();
                    connection.commit();
                    progress.accept(index + 1);
                }
            }
            batches.flush();
        }
        moveSequence("patients_seq", patientCount + 1L);
        moveSequence("registry_codes_seq", patientCount + 1L);
        for (String sequence : List.of("autoantibodies_seq", "diagnosis_history_seq", "visits_seq", "enzyme_results_seq",
                "therapies_seq", "investigations_seq")) {
            moveSequence(sequence, nextChildId);
        }
        connection.commit();
        return visits;
    }

    private int writePatient(Batches b, long id, long siteId, SyntheticPatient synthetic) throws SQLException {
        PatientRequest p = synthetic.patient();
        b.patients.setLong(1, id);
        b.patients.setString(2, String.format("P%06d", id));
        b.patients.setLong(3, siteId);
        b.patients.setString(4, p.externalId());
        b.patients.setString(5, p.sex().name());
        b.patients.setDate(6, Date.valueOf(p.birthDate()));
        b.patients.setString(7, p.diagnosis().name());
        setDate(b.patients, 8, p.diagnosisDate());
        setDate(b.patients, 9, p.onsetDate());
        b.patients.setBoolean(10, Boolean.TRUE.equals(p.cancerAssociated()));
        b.patients.setBoolean(11, Boolean.TRUE.equals(p.ild()));
        b.patients.setBoolean(12, Patient.isJuvenile(p.birthDate(), p.onsetDate(), p.diagnosisDate(), p.diagnosis()));
        b.patients.setTimestamp(13, now);
        b.patients.setTimestamp(14, now);
        b.patients.addBatch();
        b.diagnoses.setLong(1, nextChildId++);
        b.diagnoses.setLong(2, id);
        b.diagnoses.setString(3, p.diagnosis().name());
        setDate(b.diagnoses, 4, p.diagnosisDate());
        b.diagnoses.setTimestamp(5, now);
        b.diagnoses.addBatch();
        for (AutoantibodyEntry antibody : p.autoantibodies()) {
            b.antibodies.setLong(1, nextChildId++);
            b.antibodies.setLong(2, id);
            b.antibodies.setString(3, antibody.antibody().name());
            b.antibodies.setString(4, antibody.result().name());
            setDate(b.antibodies, 5, antibody.testDate());
            b.antibodies.addBatch();
        }
        for (VisitRequest visit : synthetic.visits()) {
            long visitId = nextChildId++;
            PlainVisitWriter.bindVisit(b.visits, visitId, id, visit, now);
            b.visits.addBatch();
            if (visit.enzymes() != null) {
                for (EnzymeEntry enzyme : visit.enzymes()) {
                    PlainVisitWriter.bindEnzyme(b.enzymes, nextChildId++, visitId, enzyme);
                    b.enzymes.addBatch();
                }
            }
        }
        for (TherapyRequest therapy : synthetic.therapies()) {
            PreparedStatement t = b.therapies;
            t.setLong(1, nextChildId++);
            t.setLong(2, id);
            t.setString(3, therapy.drug().name());
            t.setString(4, therapy.drugName());
            setDecimal(t, 5, therapy.dose());
            t.setString(6, therapy.doseUnit() == null ? null : therapy.doseUnit().name());
            t.setString(7, therapy.frequency() == null ? null : therapy.frequency().name());
            t.setString(8, therapy.route() == null ? null : therapy.route().name());
            t.setDate(9, Date.valueOf(therapy.startDate()));
            setDate(t, 10, therapy.endDate());
            t.setString(11, therapy.stopReason() == null ? null : therapy.stopReason().name());
            t.setTimestamp(12, now);
            t.setTimestamp(13, now);
            t.addBatch();
        }
        for (InvestigationRequest investigation : synthetic.investigations()) {
            long investigationId = nextChildId++;
            b.investigations.setLong(1, investigationId);
            b.investigations.setLong(2, id);
            b.investigations.setDate(3, Date.valueOf(investigation.date()));
            b.investigations.setString(4, investigation.type().name());
            b.investigations.setString(5, investigation.notes());
            b.investigations.setTimestamp(6, now);
            b.investigations.setTimestamp(7, now);
            b.investigations.addBatch();
            for (Finding finding : investigation.findings()) {
                b.findings.setLong(1, investigationId);
                b.findings.setString(2, finding.name());
                b.findings.addBatch();
            }
        }
        return synthetic.visits().size();
    }

    private void moveSequence(String sequence, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Hibernate's pooled-lo optimiser reads a sequence value as the first id of a block: the next block
            // starts at the first id not written here, whatever the sequence's block size.
            statement.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + next);
        }
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(date));
        }
    }

    /** The insert statements, flushed parents first so foreign keys hold. */
    private static final class Batches implements AutoCloseable {
        final PreparedStatement patients;
        final PreparedStatement diagnoses;
        final PreparedStatement antibodies;
        final PreparedStatement visits;
        final PreparedStatement enzymes;
        final PreparedStatement therapies;
        final PreparedStatement investigations;
        final PreparedStatement findings;

        Batches(Connection c) throws SQLException {
            patients = c.prepareStatement("INSERT INTO patients (id, registry_code, site_id, external_id, sex, birth_date,"
                    + " diagnosis, diagnosis_date, onset_date, cancer_associated, ild, juvenile, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
            diagnoses = c.prepareStatement("INSERT INTO diagnosis_history (id, patient_id, diagnosis, diagnosis_date,"
                    + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'bench')");
            antibodies = c.prepareStatement("INSERT INTO autoantibodies (id, patient_id, antibody, test_result, test_date)"
                    + " VALUES (?, ?, ?, ?, ?)");
            visits = c.prepareStatement(PlainVisitWriter.INSERT_VISIT);
            enzymes = c.prepareStatement(PlainVisitWriter.INSERT_ENZYME);
            therapies = c.prepareStatement("INSERT INTO therapies (id, patient_id, drug, drug_name, dose, dose_unit,"
                    + " frequency, route, start_date, end_date, stop_reason, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
            investigations = c.prepareStatement("INSERT INTO investigations (id, patient_id, investigation_date,"
                    + " investigation_type, notes, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
            findings = c.prepareStatement("INSERT INTO investigation_findings (investigation_id, finding) VALUES (?, ?)");
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : List.of(patients, diagnoses, antibodies, visits, enzymes, therapies,
                    investigations, findings)) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(patients, diagnoses, antibodies, visits, enzymes, therapies,
                    investigations, findings)) {
                statement.close();
            }
        }
    }
}
