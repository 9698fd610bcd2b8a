package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.demo.SyntheticPatient;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientRequest;
import org.myotrack.refractory.FlagService;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV import against a plain JDBC batch insert of the same rows, on the embedded H2 default. Generates a file of
 * {@code -Dbench.rows} visits (default 100,000) from the demo generator's patients, imports it over REST as a
 * clinician (parsing, validation, patient and stored-visit look-ups, inserts, one audit event per visit, the stored
 * flag state of every patient), then inserts the same visits with their enzymes into a second, fresh copy of the same
 * patients with plain JDBC batches in one transaction. A smaller import and insert warm both paths up first. Results
 * go to {@code target/bench/import.txt}. A harness, not a test: it asserts nothing.
 *
 * <pre>mvn -B -Pbench test -Dtest=ImportBench -Dbench.rows=100000</pre>
 */
@QuarkusTest
@TestProfile(ImportBench.BenchDatabase.class)
class ImportBench {

    private static final String USER = "bench-clinician";
    private static final String PASSWORD = "bench-clinician-password";
    private static final String SITE = "BENCH";
    private static final int JDBC_BATCH = 1_000;

    /** A fresh H2 file database under target/, outside demo mode, taking files larger than the default limit. */
    public static class BenchDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Path.of("target", "bench", "import-db-" + ProcessHandle.current().pid()).toAbsolutePath();
            return Map.of("myotrack.demo", "false",
                    "myotrack.admin-password", "benchmark-admin-password",
                    "myotrack.import.max-bytes", "512M",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + dir + "/myotrack;WRITE_DELAY=0",
                    "quarkus.hibernate-orm.statistics", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FlagService flags;

    private final DemoCohortGenerator generator = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, List.of(SITE));
    private final Timestamp now = Timestamp.from(Instant.now());
    private long nextPatientId = 1;

    /** Generated patients numbered from {@code firstIndex} until they have {@code rows} visits between them. */
    private List<SyntheticPatient> patientsWithVisits(int firstIndex, int rows) {
        List<SyntheticPatient> patients = new ArrayList<>();
        int visits = 0;
        for (int index = firstIndex; visits < rows; index++) {
            SyntheticPatient patient = generator.patient(index);
            patients.add(patient);
            visits += patient.visits().size();
        }
        return patients;
    }

    @Test
    void importAgainstPlainJdbc() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        // Enough rows for the JIT to compile the import's and the inserts' paths before either is timed.
        int warmUpRows = Math.min(rows, 20_000);
        long siteId = createSiteAndClinician();
        Path out = Files.createDirectories(Path.of("target", "bench"));

        List<SyntheticPatient> warmUp = patientsWithVisits(0, warmUpRows);
        List<SyntheticPatient> measured = patientsWithVisits(warmUp.size(), rows);
        List<Long> warmUpImported = insertPatients(siteId, "WI", warmUp);
        List<Long> warmUpInserted = insertPatients(siteId, "WJ", warmUp);
        List<Long> imported = insertPatients(siteId, "IM", measured);
        List<Long> inserted = insertPatients(siteId, "JD", measured);
        restartSequence("patients_seq", nextPatientId);
        restartSequence("registry_codes_seq", nextPatientId);

        Path warmUpFile = writeCsv(out.resolve("import-warm-up.csv"), warmUp, warmUpImported, warmUpRows);
        Path file = writeCsv(out.resolve("import-visits.csv"), measured, imported, rows);

        postFile(warmUpFile, warmUpRows, 0);
        insertWithJdbc(warmUp, warmUpInserted, warmUpRows);

        long importStart = System.nanoTime();
        long importCpuStart = processCpuNanos();
        postFile(file, rows, 0);
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        double importCpuSeconds = (processCpuNanos() - importCpuStart) / 1e9;

        long jdbcStart = System.nanoTime();
        long jdbcCpuStart = processCpuNanos();
        long enzymes = insertWithJdbc(measured, inserted, rows);
        double jdbcSeconds = (System.nanoTime() - jdbcStart) / 1e9;
        double jdbcCpuSeconds = (processCpuNanos() - jdbcCpuStart) / 1e9;

        long againStart = System.nanoTime();
        postFile(file, 0, rows);
        double againSeconds = (System.nanoTime() - againStart) / 1e9;

        long flagsStart = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(900).run(() -> flags.refresh(imported));
        double flagsSeconds = (System.nanoTime() - flagsStart) / 1e9;

        double importRate = rows / importSeconds;
        double jdbcRate = rows / jdbcSeconds;
        String report = String.format(Locale.ROOT, """
                        CSV import of visits against a plain JDBC batch insert, embedded H2 file, %d cores, heap max %d MB
                        rows: %d visits with %d enzyme results, of %d patients; file %.1f MB; warmed up on %d rows first
                        import over REST (parse, validate, look up, insert, audit, flag state): %.2f s = %.0f rows/s (CPU %.2f s)
                          of which flag state of the %d patients (timed again on its own): %.2f s
                        plain JDBC batch insert of the same visits and enzymes, one transaction: %.2f s = %.0f rows/s (CPU %.2f s)
                        ratio import / plain JDBC: %.2f (by CPU time: %.2f)
                        the same file imported again (every row skipped, nothing written): %.2f s = %.0f rows/s
                        """, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                rows, enzymes, measured.size(), Files.size(file) / 1e6, warmUpRows,
                importSeconds, importRate, importCpuSeconds, imported.size(), flagsSeconds,
                jdbcSeconds, jdbcRate, jdbcCpuSeconds, importRate / jdbcRate, jdbcCpuSeconds / importCpuSeconds,
                againSeconds, rows / againSeconds);
        System.out.print(report);
        Files.writeString(out.resolve("import.txt"), report);
    }

    /**
     * CPU time of the whole process (server, client and database alike): on a machine shared with other work, it
     * shows the cost of each path apart from how much of the processors it was given.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long createSiteAndClinician() throws SQLException {
        RestAssured.given().auth().preemptive().basic("admin", "benchmark-admin-password").contentType(ContentType.JSON)
                .body(Map.of("code", SITE, "name", "Benchmark site")).post("/api/sites").then().statusCode(201);
        RestAssured.given().auth().preemptive().basic("admin", "benchmark-admin-password").contentType(ContentType.JSON)
                .body(Map.of("username", USER, "password", PASSWORD, "role", "CLINICIAN", "siteCode", SITE))
                .post("/api/users").then().statusCode(201);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id FROM sites WHERE code = ?")) {
            select.setString(1, SITE);
            try (ResultSet site = select.executeQuery()) {
                site.next();
                return site.getLong(1);
            }
        }
    }

    /** The patients without any record, under external ids with the prefix; returns their ids in order. */
    private List<Long> insertPatients(long siteId, String prefix, List<SyntheticPatient> patients) throws SQLException {
        List<Long> ids = new ArrayList<>(patients.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO patients (id, registry_code, site_id,"
                     + " external_id, sex, birth_date, diagnosis, diagnosis_date, onset_date, cancer_associated, ild, juvenile,"
                     + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            connection.setAutoCommit(false);
            for (SyntheticPatient synthetic : patients) {
                PatientRequest p = synthetic.patient();
                long id = nextPatientId++;
                insert.setLong(1, id);
                insert.setString(2, String.format("P%06d", id));
                insert.setLong(3, siteId);
                insert.setString(4, prefix + "-" + synthetic.index());
                insert.setString(5, p.sex().name());
                insert.setObject(6, p.birthDate());
                insert.setString(7, p.diagnosis().name());
                insert.setObject(8, p.diagnosisDate());
                insert.setObject(9, p.onsetDate());
                insert.setBoolean(10, Boolean.TRUE.equals(p.cancerAssociated()));
                insert.setBoolean(11, Boolean.TRUE.equals(p.ild()));
                insert.setBoolean(12, Patient.isJuvenile(p.birthDate(), p.onsetDate(), p.diagnosisDate(), p.diagnosis()));
                insert.setTimestamp(13, now);
                insert.setTimestamp(14, now);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
            connection.commit();
        }
        return ids;
    }

    /** The first {@code rows} visits of the patients as an import file, every visit column present. */
    private static Path writeCsv(Path file, List<SyntheticPatient> patients, List<Long> ids, int rows) throws IOException {
        List<String> header = new ArrayList<>(List.of("patientId", "visitDate", "physicianGlobalActivity",
                "patientGlobalActivity", "mmt8", "mmt8Max", "cmas", "haq", "extramuscularActivity", "physicianGlobalDamage",
                "patientGlobalDamage", "mdiExtent", "mdiSeverity", "sf36Pcs", "sf36Mcs", "functionalIndex", "notes"));
        for (EnzymeTest test : EnzymeTest.values()) {
            String name = test.name().toLowerCase(Locale.ROOT);
            header.add(name);
            header.add(name + "Uln");
        }
        int written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (int p = 0; p < patients.size() && written < rows; p++) {
                for (VisitRequest v : patients.get(p).visits()) {
                    if (written++ == rows) {
                        break;
                    }
                    List<Object> cells = new ArrayList<>(List.of(ids.get(p), v.visitDate()));
                    cells.addAll(java.util.Arrays.asList(v.physicianGlobalActivity(), v.patientGlobalActivity(), v.mmt8(),
                            v.mmt8Max(), v.cmas(), v.haq(), v.extramuscularActivity(), v.physicianGlobalDamage(),
                            v.patientGlobalDamage(), v.mdiExtent(), v.mdiSeverity(), v.sf36Pcs(), v.sf36Mcs(),
                            v.functionalIndex(), v.notes()));
                    Map<EnzymeTest, EnzymeEntry> enzymes = new EnumMap<>(EnzymeTest.class);
                    if (v.enzymes() != null) {
                        v.enzymes().forEach(e -> enzymes.put(e.test(), e));
                    }
                    for (EnzymeTest test : EnzymeTest.values()) {
                        EnzymeEntry enzyme = enzymes.get(test);
                        cells.add(enzyme == null ? null : enzyme.value());
                        cells.add(enzyme == null ? null : enzyme.uln());
                    }
                    printer.printRecord(cells);
                }
            }
        }
        return file;
    }

    /** Sends the file as the clinician; anything but the expected counts stops the benchmark. */
    private static void postFile(Path file, int created, int skipped) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/import/visits"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        String expected = "{\"created\":" + created + ",\"skipped\":" + skipped + ",";
        if (response.statusCode() != 200 || !response.body().startsWith(expected)) {
            throw new IllegalStateException("Import answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(2_000, response.body().length())));
        }
    }

    /** The plain-JDBC baseline: the same visits and enzymes in batches, one transaction; returns the enzymes written. */
    private long insertWithJdbc(List<SyntheticPatient> patients, List<Long> ids, int rows) throws SQLException {
        long enzymes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long visitId = firstFreeId(connection, "visits", "visits_seq");
            long enzymeId = firstFreeId(connection, "enzyme_results", "enzyme_results_seq");
            try (PreparedStatement visits = connection.prepareStatement("INSERT INTO visits (id, patient_id, visit_date,"
                    + " physician_global_activity, patient_global_activity, mmt8, mmt8_max, cmas, haq, extramuscular_activity,"
                    + " physician_global_damage, patient_global_damage, mdi_extent, mdi_severity, sf36_pcs, sf36_mcs,"
                    + " functional_index, notes, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement enzymeResults = connection.prepareStatement("INSERT INTO enzyme_results"
                         + " (id, visit_id, test, test_value, uln, unit) VALUES (?, ?, ?, ?, ?, ?)")) {
                int written = 0;
                for (int p = 0; p < patients.size() && written < rows; p++) {
                    for (VisitRequest v : patients.get(p).visits()) {
                        if (written++ == rows) {
                            break;
                        }
                        long id = visitId++;
                        visits.setLong(1, id);
                        visits.setLong(2, ids.get(p));
                        visits.setObject(3, v.visitDate());
                        setDouble(visits, 4, v.physicianGlobalActivity());
                        setDouble(visits, 5, v.patientGlobalActivity());
                        setInt(visits, 6, v.mmt8());
                        setInt(visits, 7, v.mmt8Max());
                        setInt(visits, 8, v.cmas());
                        setDouble(visits, 9, v.haq());
                        setDouble(visits, 10, v.extramuscularActivity());
                        setDouble(visits, 11, v.physicianGlobalDamage());
                        setDouble(visits, 12, v.patientGlobalDamage());
                        setInt(visits, 13, v.mdiExtent());
                        setDouble(visits, 14, v.mdiSeverity());
                        setDouble(visits, 15, v.sf36Pcs());
                        setDouble(visits, 16, v.sf36Mcs());
                        setDouble(visits, 17, v.functionalIndex());
                        visits.setString(18, v.notes());
                        visits.setTimestamp(19, now);
                        visits.setTimestamp(20, now);
                        visits.addBatch();
                        if (v.enzymes() != null) {
                            for (EnzymeEntry enzyme : v.enzymes()) {
                                enzymeResults.setLong(1, enzymeId++);
                                enzymeResults.setLong(2, id);
                                enzymeResults.setString(3, enzyme.test().name());
                                enzymeResults.setDouble(4, enzyme.value());
                                enzymeResults.setDouble(5, enzyme.uln());
                                enzymeResults.setString(6, enzyme.unit() == null ? "U/L" : enzyme.unit());
                                enzymeResults.addBatch();
                                enzymes++;
                            }
                        }
                        if (written % JDBC_BATCH == 0) {
                            visits.executeBatch();
                            enzymeResults.executeBatch();
                        }
                    }
                }
                visits.executeBatch();
                enzymeResults.executeBatch();
            }
            connection.commit();
            // The application goes on taking ids from the sequences: move them past the rows written here.
            restartSequence(connection, "visits_seq", visitId);
            restartSequence(connection, "enzyme_results_seq", enzymeId);
            connection.commit();
        }
        return enzymes;
    }

    /**
     * An id above every row and above any block of ids the application may still hold in memory: its pooled
     * generator hands out ids up to the last sequence value it took, so one more value from the sequence is free.
     */
    private static long firstFreeId(Connection connection, String table, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long highest;
            try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                max.next();
                highest = max.getLong(1);
            }
            try (ResultSet next = statement.executeQuery("VALUES NEXT VALUE FOR " + sequence)) {
                next.next();
                return Math.max(highest, next.getLong(1)) + 1;
            }
        }
    }

    private void restartSequence(String sequence, long next) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            restartSequence(connection, sequence, next);
        }
    }

    private static void restartSequence(Connection connection, String sequence, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // The pooled id optimiser reads a sequence value as the top of a block of 50: start a whole block later.
            statement.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + (next + 50));
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DECIMAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
