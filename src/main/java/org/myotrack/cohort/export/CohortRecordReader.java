package org.myotrack.cohort.export;

import org.myotrack.common.IdGroups;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.Sex;
import org.myotrack.patient.StatinExposure;
import org.myotrack.refractory.FlagCode;
import org.myotrack.refractory.InvestigationRecord;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one batch of an export's patients with plain JDBC: seven queries for the whole batch (patients, serology,
 * visits with enzymes, therapies, investigations with findings, flag state, flags), rows streamed straight into
 * plain records. Deleted visits, therapies and investigations are left out.
 */
final class CohortRecordReader {

    private static final String MEASURE_COLUMNS;

    static {
        StringBuilder columns = new StringBuilder();
        for (VisitMeasure measure : VisitMeasure.values()) {
            columns.append(", v.").append(measure.column());
        }
        MEASURE_COLUMNS = columns.toString();
    }

    private final Connection connection;
    /** Rows fetched per round trip; PostgreSQL reads through a cursor with it instead of the whole result. */
    private final int fetchSize;

    CohortRecordReader(Connection connection, int fetchSize) {
        this.connection = connection;
        this.fetchSize = fetchSize;
    }

    /** The records of the given patients in id order; unknown ids are skipped. */
    List<RegistryPatient> read(Collection<Long> patientIds) throws SQLException {
        List<List<Long>> groups = IdGroups.of(patientIds);
        Map<Long, Builder> patients = new LinkedHashMap<>();
        for (List<Long> group : groups) {
            readPatients(group, patients);
        }
        // A range may cover patients outside the cohort: only those asked for are kept, and rows of others skipped.
        patients.keySet().retainAll(Set.copyOf(patientIds));
        for (List<Long> group : groups) {
            readAntibodies(group, patients);
            readVisits(group, patients);
            readTherapies(group, patients);
            readInvestigations(group, patients);
            readFlags(group, patients);
        }
        List<RegistryPatient> records = new ArrayList<>(patients.size());
        for (Builder patient : patients.values()) {
            records.add(patient.build());
        }
        return records;
    }

    private static final class Builder {
        long id;
        String registryCode;
        String siteCode;
        Sex sex;
        LocalDate birthDate;
        Diagnosis diagnosis;
        LocalDate diagnosisDate;
        LocalDate onsetDate;
        boolean juvenile;
        boolean cancerAssociated;
        boolean ild;
        StatinExposure statinExposure;
        LocalDate statinStartDate;
        boolean refractory;
        String rulesVersion;
        final List<RegistryPatient.AntibodyTest> antibodies = new ArrayList<>();
        final List<RegistryPatient.Visit> visits = new ArrayList<>();
        final List<TherapyPeriod> therapies = new ArrayList<>();
        final List<InvestigationRecord> investigations = new ArrayList<>();
        final List<RegistryPatient.FlagSince> flags = new ArrayList<>();

        RegistryPatient build() {
            return new RegistryPatient(id, registryCode, siteCode, sex, birthDate, diagnosis, diagnosisDate, onsetDate,
                    juvenile, cancerAssociated, ild, statinExposure, statinStartDate, List.copyOf(antibodies), List.copyOf(visits), List.copyOf(therapies),
                    List.copyOf(investigations), refractory, rulesVersion, List.copyOf(flags));
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Long> group, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            IdGroups.bind(statement, 1, group);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private void readPatients(List<Long> group, Map<Long, Builder> patients) throws SQLException {
        query("SELECT p.id, p.registry_code, s.code, p.sex, p.birth_date, p.diagnosis, p.diagnosis_date, p.onset_date,"
                + " p.juvenile, p.cancer_associated, p.ild, p.statin_exposure, p.statin_start_date FROM patients p JOIN sites s ON s.id = p.site_id WHERE "
                + IdGroups.condition("p.id", group) + " ORDER BY p.id", group, row -> {
            Builder patient = new Builder();
            patient.id = row.getLong(1);
            patient.registryCode = row.getString(2);
            patient.siteCode = row.getString(3);
            patient.sex = Sex.valueOf(row.getString(4));
            patient.birthDate = date(row, 5);
            patient.diagnosis = Diagnosis.valueOf(row.getString(6));
            patient.diagnosisDate = date(row, 7);
            patient.onsetDate = date(row, 8);
            patient.juvenile = row.getBoolean(9);
            patient.cancerAssociated = row.getBoolean(10);
            patient.ild = row.getBoolean(11);
            patient.statinExposure = StatinExposure.valueOf(row.getString(12));
            patient.statinStartDate = date(row, 13);
            patients.put(patient.id, patient);
        });
    }

    private void readAntibodies(List<Long> group, Map<Long, Builder> patients) throws SQLException {
        query("SELECT patient_id, antibody, test_result, test_date FROM autoantibodies WHERE "
                + IdGroups.condition("patient_id", group) + " ORDER BY patient_id, antibody, id", group, row -> {
            Builder patient = patients.get(row.getLong(1));
            if (patient != null) {
                patient.antibodies.add(new RegistryPatient.AntibodyTest(Antibody.valueOf(row.getString(2)),
                        AntibodyResult.valueOf(row.getString(3)), date(row, 4)));
            }
        });
    }

    private void readVisits(List<Long> group, Map<Long, Builder> patients) throws SQLException {
        VisitMeasure[] measures = VisitMeasure.values();
        int enzymeColumn = 4 + measures.length;
        long[] current = {-1};
        List<RegistryPatient.Enzyme>[] enzymes = new List[1];
        query("SELECT v.patient_id, v.id, v.visit_date" + MEASURE_COLUMNS + ", e.test, e.test_value, e.uln, e.unit"
                + " FROM visits v LEFT JOIN enzyme_results e ON e.visit_id = v.id WHERE "
                + IdGroups.condition("v.patient_id", group) + " AND v.deleted_at IS NULL"
                + " ORDER BY v.patient_id, v.visit_date, v.id, e.test", group, row -> {
            long visitId = row.getLong(2);
            if (visitId != current[0]) {
                current[0] = visitId;
                Builder patient = patients.get(row.getLong(1));
                Object[] values = new Object[measures.length];
                for (VisitMeasure measure : measures) {
                    int column = 4 + measure.ordinal();
                    Object value = switch (measure.kind()) {
                        case INTEGER -> row.getInt(column);
                        case DECIMAL -> row.getDouble(column);
                        case BOOLEAN -> row.getBoolean(column);
                    };
                    values[measure.ordinal()] = row.wasNull() ? null : value;
                }
                enzymes[0] = new ArrayList<>(2);
                if (patient != null) {
                    patient.visits.add(new RegistryPatient.Visit(visitId, date(row, 3), values, enzymes[0]));
                }
            }
            String test = row.getString(enzymeColumn);
            if (test != null) {
                enzymes[0].add(new RegistryPatient.Enzyme(EnzymeTest.valueOf(test), row.getDouble(enzymeColumn + 1),
                        row.getDouble(enzymeColumn + 2), row.getString(enzymeColumn + 3)));
            }
        });
    }

    private void readTherapies(List<Long> group, Map<Long, Builder> patients) throws SQLException {
        query("SELECT patient_id, id, drug, drug_name, dose, dose_unit, frequency, route, start_date, end_date, stop_reason"
                + " FROM therapies WHERE " + IdGroups.condition("patient_id", group)
                + " AND deleted_at IS NULL ORDER BY patient_id, start_date, id", group, row -> {
            Builder patient = patients.get(row.getLong(1));
            if (patient != null) {
                double doseValue = row.getDouble(5);
                Double dose = row.wasNull() ? null : doseValue;
                patient.therapies.add(new TherapyPeriod(row.getLong(2), Drug.valueOf(row.getString(3)), row.getString(4),
                        dose, enumOf(DoseUnit.class, row.getString(6)),
                        enumOf(Frequency.class, row.getString(7)), enumOf(Route.class, row.getString(8)), date(row, 9),
                        date(row, 10), enumOf(StopReason.class, row.getString(11))));
            }
        });
    }

    private void readInvestigations(List<Long> group, Map<Long, Builder> patients) throws SQLException {
        Map<Long, Long> owners = new LinkedHashMap<>();
        Map<Long, LocalDate> dates = new HashMap<>();
        Map<Long, InvestigationType> types = new HashMap<>();
        Map<Long, Set<Finding>> findings = new HashMap<>();
        query("SELECT i.patient_id, i.id, i.investigation_date, i.investigation_type, f.finding FROM investigations i"
                + " LEFT JOIN investigation_findings f ON f.investigation_id = i.id WHERE "
                + IdGroups.condition("i.patient_id", group) + " AND i.deleted_at IS NULL"
                + " ORDER BY i.patient_id, i.investigation_date, i.id, f.finding", group, row -> {
            long id = row.getLong(2);
            if (!owners.containsKey(id)) {
                owners.put(id, row.getLong(1));
                dates.put(id, date(row, 3));
                types.put(id, InvestigationType.valueOf(row.getString(4)));
                findings.put(id, EnumSet.noneOf(Finding.class));
            }
            String finding = row.getString(5);
            if (finding != null) {
                findings.get(id).add(Finding.valueOf(finding));
            }
        });
        owners.forEach((id, patientId) -> {
            Builder patient = patients.get(patientId);
            if (patient != null) {
                patient.investigations.add(new InvestigationRecord(id, dates.get(id), types.get(id), findings.get(id)));
            }
        });
    }

    private void readFlags(List<Long> group, Map<Long, Builder> patients) throws SQLException {
        query("SELECT patient_id, refractory, rules_version FROM patient_flag_states WHERE "
                + IdGroups.condition("patient_id", group), group, row -> {
            Builder patient = patients.get(row.getLong(1));
            if (patient != null) {
                patient.refractory = row.getBoolean(2);
                patient.rulesVersion = row.getString(3);
            }
        });
        query("SELECT patient_id, code, since FROM patient_flags WHERE " + IdGroups.condition("patient_id", group)
                + " ORDER BY patient_id, since, code", group, row -> {
            Builder patient = patients.get(row.getLong(1));
            if (patient != null) {
                patient.flags.add(new RegistryPatient.FlagSince(FlagCode.valueOf(row.getString(2)), date(row, 3)));
            }
        });
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
