package org.myotrack.bench;

import static org.myotrack.common.JdbcValues.setIds;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.demo.SyntheticPatient;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.PatientFlagStateRepository;
import org.myotrack.refractory.PatientRecordLoader;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CSV import against a plain JDBC batch insert of the same kind of rows into the same database, the benchmark
 * registry of {@code -Dbench.patients} patients ({@link BenchRegistry}). A clinician of BENCH-A imports a file of
 * {@code -Dbench.rows} new visits (default 100,000) for existing patients of the site over REST (parsing, validation,
 * patient and stored-visit look-ups, inserts, one audit event per visit, the stored flag state of every patient);
 * then plain JDBC batches insert as many new visits with their enzymes for other patients of the site, in one
 * transaction; again with what the import writes besides, one audit event per visit holding the visit as JSON (only
 * the writes); and last a plain-JDBC import of another such file doing the import's whole work by hand
 * ({@link PlainJdbcImport}: parsing, the same checks, look-ups and locks, the same writes, the flag state), the baseline
 * "doing the same work on the same database" that the aim names. All three ratios are reported. The new visits are
 * interim visits two weeks (and in later passes, one to six weeks more) after each recorded one, so they fall on free
 * days of patients who already have a history. A smaller import and each baseline, for still other patients, warm the
 * paths up first. Results go to {@code target/bench/import.txt} and the summary. Timings are reported, never asserted; an
 * import answering other counts than the rows sent stops it.
 *
 * <pre>mvn -B -Pbench test -Dtest=ImportBench -Dbench.patients=100000 -Dbench.rows=100000</pre>
 */
@QuarkusTest
@TestProfile(BenchRegistry.Database.class)
class ImportBench {

    private static final String USER = "bench-clinician";
    private static final String PASSWORD = "bench-clinician-password";
    private static final String SITE = "BENCH-A";
    private static final int JDBC_BATCH = 1_000;
    /** The new visits' distance from the recorded ones: an interim visit, on a day the patient has none yet. */
    private static final int INTERIM_DAYS = 14;

    /** One new visit: the generated measures of a recorded visit, on the interim date, for the patient of that id. */
    record NewVisit(long patientId, LocalDate visitDate, VisitRequest measures) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FlagService flags;

    @Inject
    ObjectMapper json;

    @Inject
    PatientRecordLoader loader;

    @Inject
    PatientFlagStateRepository states;

    private final DemoCohortGenerator generator = BenchRegistry.generator();
    private final Timestamp now = Timestamp.from(Instant.now());
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** The next generator index to take patients from: each set of new visits has patients of its own. */
    private int nextIndex = 0;
    /**
     * Passes over the registry's patients so far: pass p puts its visits {@code INTERIM_DAYS + 7p} days after the
     * recorded ones, once every patient of the site has had visits of the passes before.
     */
    private int pass = 0;

    /** New visits for the next patients of the site until there are {@code rows}; returns them in file order. */
    private List<NewVisit> newVisits(int rows) {
        List<NewVisit> visits = new ArrayList<>(rows);
        while (visits.size() < rows) {
            if (nextIndex >= BenchRegistry.patients()) {
                if (++pass > 6) {
                    throw new IllegalStateException("The registry of " + BenchRegistry.patients() + " patients has too few "
                            + SITE + " visits for the import's rows; lower -Dbench.rows");
                }
                nextIndex = 0;
            }
            int index = nextIndex++;
            SyntheticPatient patient = generator.patient(index);
            if (!patient.patient().siteCode().equals(SITE)) {
                continue;
            }
            // Days taken: the recorded visits and the visits of the passes before, each that many days after one.
            Set<LocalDate> taken = new HashSet<>();
            for (VisitRequest visit : patient.visits()) {
                for (int earlier = -1; earlier < pass; earlier++) {
                    taken.add(earlier < 0 ? visit.visitDate() : visit.visitDate().plusDays(INTERIM_DAYS + 7L * earlier));
                }
            }
            for (VisitRequest visit : patient.visits()) {
                LocalDate interim = visit.visitDate().plusDays(INTERIM_DAYS + 7L * pass);
                if (visits.size() < rows && !taken.contains(interim) && !interim.isAfter(today)) {
                    visits.add(new NewVisit(index + 1L, interim, visit));
                    taken.add(interim);
                }
            }
        }
        return visits;
    }

    private static long patients(List<NewVisit> visits) {
        return visits.stream().mapToLong(NewVisit::patientId).distinct().count();
    }

    @Test
    void importAgainstPlainJdbc() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        // Single runs of a few seconds vary by a third on this machine (the database's background writer, the
        // collector): each path runs this many rounds, alternating, and the medians are compared.
        int rounds = Integer.getInteger("bench.import-rounds", 3);
        // Enough rows for the JIT to compile the import's and the inserts' paths before either is timed.
        int warmUpRows = Math.min(rows, 20_000);
        long visitsBefore = BenchRegistry.prepare(dataSource, flags);
        createClinician();
        Path out = BenchResults.dir();

        Path warmUpFile = writeCsv(out.resolve("import-warm-up.csv"), newVisits(warmUpRows));
        postFile(warmUpFile, warmUpRows, 0);
        insertWithJdbc(newVisits(warmUpRows), false);
        insertWithJdbc(newVisits(warmUpRows), true);
        importWithJdbc(writeCsv(out.resolve("import-warm-up-jdbc.csv"), newVisits(warmUpRows)), warmUpRows);

        double[] importSeconds = new double[rounds];
        double[] importCpu = new double[rounds];
        double[] jdbcSeconds = new double[rounds];
        double[] jdbcCpu = new double[rounds];
        double[] sameSeconds = new double[rounds];
        double[] sameCpu = new double[rounds];
        double[] workSeconds = new double[rounds];
        double[] workCpu = new double[rounds];
        StringBuilder each = new StringBuilder();
        Path file = null;
        List<NewVisit> imported = List.of();
        long enzymes = 0;
        int insertedPatients = 0;
        List<Long> workPatients = List.of();
        for (int round = 0; round < rounds; round++) {
            imported = newVisits(rows);
            List<NewVisit> inserted = newVisits(rows);
            List<NewVisit> audited = newVisits(rows);
            Path workFile = writeCsv(out.resolve("import-visits-jdbc.csv"), newVisits(rows));
            file = writeCsv(out.resolve("import-visits.csv"), imported);

            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            postFile(file, rows, 0);
            importSeconds[round] = (System.nanoTime() - start) / 1e9;
            importCpu[round] = (processCpuNanos() - cpuStart) / 1e9;

            start = System.nanoTime();
            cpuStart = processCpuNanos();
            enzymes = insertWithJdbc(inserted, false);
            jdbcSeconds[round] = (System.nanoTime() - start) / 1e9;
            jdbcCpu[round] = (processCpuNanos() - cpuStart) / 1e9;
            insertedPatients = (int) patients(inserted);

            start = System.nanoTime();
            cpuStart = processCpuNanos();
            insertWithJdbc(audited, true);
            sameSeconds[round] = (System.nanoTime() - start) / 1e9;
            sameCpu[round] = (processCpuNanos() - cpuStart) / 1e9;

            start = System.nanoTime();
            cpuStart = processCpuNanos();
            PlainJdbcImport plain = importWithJdbc(workFile, rows);
            workSeconds[round] = (System.nanoTime() - start) / 1e9;
            workCpu[round] = (processCpuNanos() - cpuStart) / 1e9;
            workPatients = plain.patients();
            each.append(String.format(Locale.ROOT, "  round %d: import %.2f s, plain JDBC visits %.2f s, plain JDBC same writes %.2f s,"
                    + " plain JDBC same work %.2f s (rows %.2f s, flag state %.2f s, commit and the rest %.2f s)%n", round + 1,
                    importSeconds[round], jdbcSeconds[round], sameSeconds[round], workSeconds[round], plain.rowsSeconds(),
                    plain.flagStateSeconds(), workSeconds[round] - plain.rowsSeconds() - plain.flagStateSeconds()));
        }

        long againStart = System.nanoTime();
        postFile(file, 0, rows);
        double againSeconds = (System.nanoTime() - againStart) / 1e9;

        long visitsAfter = countVisits();
        long written = 4L * warmUpRows + 4L * rows * rounds;
        if (visitsAfter != visitsBefore + written) {
            throw new IllegalStateException("The registry holds " + visitsAfter + " visits; expected " + visitsBefore
                    + " plus the " + written + " imported and inserted");
        }

        requireSameFlagState(workPatients);
        List<Long> importedPatients = imported.stream().map(NewVisit::patientId).distinct().toList();
        long flagsStart = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(900).run(() -> flags.refresh(importedPatients));
        double flagsSeconds = (System.nanoTime() - flagsStart) / 1e9;

        double importRate = rows / median(importSeconds);
        double jdbcRate = rows / median(jdbcSeconds);
        double sameRate = rows / median(sameSeconds);
        double workRate = rows / median(workSeconds);
        String report = String.format(Locale.ROOT, """
                        CSV import of new visits for existing patients against plain-JDBC baselines on the same database
                        %s
                        registry: %d visits before; each round: %d new visits for %d %s patients (import), as many for %d others with %d enzyme results (plain JDBC), as many again for others (plain JDBC with audit events), and again through the plain-JDBC import; file %.1f MB; warmed up on %d rows each first; %d rounds, medians
                        import over REST (parse, validate, look up, insert, audit, flag state): %.2f s = %.0f rows/s (CPU %.2f s)
                          of which flag state of the %d patients (the last round's, timed again on its own): %.2f s
                        plain JDBC batch insert of as many visits with their enzymes, one transaction: %.2f s = %.0f rows/s (CPU %.2f s)
                        ratio import / plain JDBC visits: %.2f (by CPU time: %.2f)
                        plain JDBC batch insert of the rows the import writes (visits, enzymes, one audit event each with the visit as JSON), one transaction: %.2f s = %.0f rows/s (CPU %.2f s)
                        ratio import / plain JDBC same writes: %.2f (by CPU time: %.2f)
                        plain JDBC doing the import's whole work (the file parsed with Commons CSV, every cell checked against the same ranges and rules, patients locked and their stored dates read as named, the same rows written, the flag state of the patients evaluated and stored), one transaction: %.2f s = %.0f rows/s (CPU %.2f s)
                        ratio import / plain JDBC same work: %.2f (by CPU time: %.2f)
                        %sthe last file imported again (every row skipped, nothing written): %.2f s = %.0f rows/s
                        """, BenchResults.machine(), visitsBefore, rows, importedPatients.size(), SITE,
                insertedPatients, enzymes, Files.size(file) / 1e6, warmUpRows, rounds,
                median(importSeconds), importRate, median(importCpu), importedPatients.size(), flagsSeconds,
                median(jdbcSeconds), jdbcRate, median(jdbcCpu), importRate / jdbcRate, median(jdbcCpu) / median(importCpu),
                median(sameSeconds), sameRate, median(sameCpu), importRate / sameRate, median(sameCpu) / median(importCpu),
                median(workSeconds), workRate, median(workCpu), importRate / workRate, median(workCpu) / median(importCpu),
                each, againSeconds, rows / againSeconds);
        BenchResults.report("import.txt", report);
        BenchResults.summary("CSV import over REST / plain JDBC batch insert of the visits", String.format(Locale.ROOT,
                "%.0f / %.0f rows/s = %.2f (median of %d)", importRate, jdbcRate, importRate / jdbcRate, rounds),
                "at least 0.5", importRate / jdbcRate >= 0.5);
        BenchResults.summary("CSV import over REST / plain JDBC batch insert of the same rows (visits, enzymes, audit events)",
                String.format(Locale.ROOT, "%.0f / %.0f rows/s = %.2f (median of %d)", importRate, sameRate,
                        importRate / sameRate, rounds), "at least 0.5", importRate / sameRate >= 0.5);
        BenchResults.summary("CSV import over REST / plain JDBC doing the import's whole work (parse, check, look up, write, audit, flag state)",
                String.format(Locale.ROOT, "%.0f / %.0f rows/s = %.2f (median of %d)", importRate, workRate,
                        importRate / workRate, rounds), "at least 0.5", importRate / workRate >= 0.5);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /**
     * CPU time of the whole process (server, client and database alike): on a machine shared with other work, it
     * shows the cost of each path apart from how much of the processors it was given.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void createClinician() {
        RestAssured.given().auth().preemptive().basic("admin", "benchmark-admin-password").contentType(ContentType.JSON)
                .body(Map.of("username", USER, "password", PASSWORD, "role", "CLINICIAN", "siteCode", SITE))
                .post("/api/users").then().statusCode(201);
    }

    private long countVisits() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM visits WHERE deleted_at IS NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The new visits as an import file, every visit column present. */
    private static Path writeCsv(Path file, List<NewVisit> visits) throws IOException {
        List<String> header = new ArrayList<>(List.of("patientId", "visitDate", "physicianGlobalActivity",
                "patientGlobalActivity", "mmt8", "mmt8Max", "cmas", "haq", "extramuscularActivity", "physicianGlobalDamage",
                "patientGlobalDamage", "mdiExtent", "mdiSeverity", "sf36Pcs", "sf36Mcs", "functionalIndex", "notes"));
        for (EnzymeTest test : EnzymeTest.values()) {
            String name = test.name().toLowerCase(Locale.ROOT);
            header.add(name);
            header.add(name + "Uln");
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (NewVisit visit : visits) {
                VisitRequest v = visit.measures();
                List<Object> cells = new ArrayList<>(List.of(visit.patientId(), visit.visitDate()));
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

    /** The plain-JDBC baseline: the visits and their enzymes in batches, one transaction; returns the enzymes written. */
    private long insertWithJdbc(List<NewVisit> newVisits, boolean audited) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long enzymes;
            long nextVisit;
            long nextEnzyme;
            long nextAudit;
            try (PlainVisitWriter writer = new PlainVisitWriter(connection, USER, json, now,
                    firstFreeId(connection, "visits", "visits_seq"),
                    firstFreeId(connection, "enzyme_results", "enzyme_results_seq"),
                    firstFreeId(connection, "audit_events", "audit_events_seq"))) {
                int written = 0;
                for (NewVisit visit : newVisits) {
                    writer.add(visit.patientId(), visit.measures(), audited);
                    if (++written % JDBC_BATCH == 0) {
                        writer.flush();
                    }
                }
                writer.flush();
                enzymes = writer.enzymes();
                nextVisit = writer.nextVisitId();
                nextEnzyme = writer.nextEnzymeId();
                nextAudit = writer.nextAuditId();
            }
            connection.commit();
            // The application goes on taking ids from the sequences: move them past the rows written here.
            restartSequences(connection, nextVisit, nextEnzyme, nextAudit);
            return enzymes;
        }
    }

    /** Moves the three sequences past the ids a baseline wrote, and commits. */
    private static void restartSequences(Connection connection, long nextVisit, long nextEnzyme, long nextAudit)
            throws SQLException {
        restartSequence(connection, "visits_seq", nextVisit);
        restartSequence(connection, "enzyme_results_seq", nextEnzyme);
        restartSequence(connection, "audit_events_seq", nextAudit);
        connection.commit();
    }

    /**
     * The plain-JDBC import doing the import's whole work ({@link PlainJdbcImport}) on the file, as the clinician's site,
     * in one transaction; anything but {@code rows} visits written stops the benchmark.
     */
    private PlainJdbcImport importWithJdbc(Path workFile, int rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long siteId;
            try (PreparedStatement site = connection.prepareStatement("SELECT id FROM sites WHERE code = ?")) {
                site.setString(1, SITE);
                try (ResultSet found = site.executeQuery()) {
                    found.next();
                    siteId = found.getLong(1);
                }
            }
            PlainJdbcImport plain = new PlainJdbcImport(connection, siteId, USER, json, loader, states, flags.rules(), now);
            int written = plain.run(workFile, firstFreeId(connection, "visits", "visits_seq"),
                    firstFreeId(connection, "enzyme_results", "enzyme_results_seq"),
                    firstFreeId(connection, "audit_events", "audit_events_seq"));
            connection.commit();
            if (written != rows) {
                throw new IllegalStateException("The plain-JDBC import wrote " + written + " visits of " + rows);
            }
            restartSequences(connection, plain.nextVisitId(), plain.nextEnzymeId(), plain.nextAuditId());
            return plain;
        }
    }

    /**
     * Stops the benchmark unless the flag state the plain-JDBC import stored for its patients is the one the registry's
     * own refresh stores for them: the baseline did the flag-state work, and did it right.
     */
    private void requireSameFlagState(List<Long> patients) throws SQLException {
        Map<Long, String> stored = storedFlagState(patients);
        QuarkusTransaction.requiringNew().timeout(900).run(() -> flags.refresh(patients));
        Map<Long, String> refreshed = storedFlagState(patients);
        if (stored.size() != patients.size() || !stored.equals(refreshed)) {
            throw new IllegalStateException("The plain-JDBC import stored another flag state than the registry's refresh"
                    + " for some of its " + patients.size() + " patients");
        }
    }

    /** Each patient's stored state and flags, as text, leaving out when it was evaluated. */
    private Map<Long, String> storedFlagState(List<Long> patients) throws SQLException {
        Map<Long, String> states = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT s.patient_id, s.rules_version, s.refractory,"
                     + " s.visit_count, s.latest_tis, s.latest_response, f.code, f.since FROM patient_flag_states s"
                     + " LEFT JOIN patient_flags f ON f.patient_id = s.patient_id WHERE s.patient_id = ANY(?)"
                     + " ORDER BY s.patient_id, f.code, f.since")) {
            setIds(select, 1, patients);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 2; column <= 8; column++) {
                        row.append(rows.getString(column)).append('|');
                    }
                    states.merge(rows.getLong(1), row.toString(), (a, b) -> a + b);
                }
            }
        }
        return states;
    }

    /**
     * An id above every row and above any block of ids the application may still hold in memory: its pooled-lo
     * generator hands out the block from the last sequence value it took, which ends where the sequence's next value
     * begins, so ids above one more value from the sequence are free.
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

    private static void restartSequence(Connection connection, String sequence, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Hibernate's pooled-lo optimiser reads a sequence value as the first id of a block: the next block
            // starts at the first id not written here, whatever the sequence's block size.
            statement.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + next);
        }
    }
}
