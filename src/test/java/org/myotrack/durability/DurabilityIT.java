package org.myotrack.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.myotrack.support.RegistryProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kills the packaged registry with {@code kill -9} in the middle of a stream of visit writes and in the middle of a CSV
 * import, starts it again on the same data, and checks what a clinic would check: the registry opens and is ready,
 * every visit it acknowledged with 201 is there with its values and its audit event, no visit is half-written, and the
 * interrupted import left none of its rows (after which the same file imports in full).
 * <p>
 * Runs on H2 (the embedded file database of a default installation) and, when {@code myotrack.it.postgres-url} names a
 * PostgreSQL database, on PostgreSQL in a schema of its own that is dropped afterwards.
 */
class DurabilityIT {

    private static final String ADMIN_PASSWORD = "durability-admin-passphrase";
    private static final String CLINICIAN = "durability-clinician";
    private static final String CLINICIAN_PASSWORD = "durability-clinician-passphrase";
    private static final String SITE = "DURABILITY";

    private static final int WRITERS = 4;
    private static final int PATIENTS_PER_WRITER = 2;
    /** Acknowledged visits to collect before the kill: enough that several writers are mid-request when it comes. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;
    private static final LocalDate STREAM_FIRST_DATE = LocalDate.of(2000, 1, 1);

    /** Visits per patient in the import file: 10,000 rows, 20 of the import's 500-row chunks. */
    private static final int IMPORT_VISITS_PER_PATIENT = 1_250;
    /** Rows sent before the kill; the rest of the file never leaves the client, so the import cannot have finished. */
    private static final int IMPORT_ROWS_BEFORE_KILL = 6_000;
    private static final LocalDate IMPORT_FIRST_DATE = LocalDate.of(1990, 1, 1);
    private static final String IMPORT_HEADER = "patientId,visitDate,physicianGlobalActivity,mmt8,mmt8Max,haq,ck,ckUln,notes";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldKeepEveryAcknowledgedWriteAndNoPartialImportAfterKill9OnH2() throws Exception {
        assumeTrue(!"postgresql".equals(System.getProperty("myotrack.it.database")), "H2 durability check skipped: "
                + "the packaged registry is the PostgreSQL build (-Ppostgresql), checked on PostgreSQL instead");
        Path work = RegistryProcess.workDirectory("durability-h2");
        Map<String, String> environment = Map.of(
                "MYOTRACK_DATA_DIR", work.resolve("data").toString(),
                "MYOTRACK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        killAndRestartScenario(environment, work, 201);
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteAndNoPartialImportAfterKill9OnPostgresql() throws Exception {
        String url = System.getProperty("myotrack.it.postgres-url", System.getenv("MYOTRACK_IT_POSTGRES_URL"));
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL durability check skipped: no database given. Build the "
                + "registry for PostgreSQL and name an empty database the test may create schemas in, e.g. "
                + "mvn -B verify -Dquarkus.datasource.db-kind=postgresql "
                + "-Dmyotrack.it.postgres-url=jdbc:postgresql://localhost:5432/myotrack "
                + "-Dmyotrack.it.postgres-user=myotrack -Dmyotrack.it.postgres-password=…");
        String user = System.getProperty("myotrack.it.postgres-user", "myotrack");
        String password = System.getProperty("myotrack.it.postgres-password", "");
        String schema = "durability_" + System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            Path work = RegistryProcess.workDirectory("durability-postgresql");
            Map<String, String> environment = Map.of(
                    "MYOTRACK_DATA_DIR", work.resolve("data").toString(),
                    "MYOTRACK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "QUARKUS_DATASOURCE_JDBC_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "QUARKUS_DATASOURCE_USERNAME", user,
                    "QUARKUS_DATASOURCE_PASSWORD", password);
            killAndRestartScenario(environment, work, 409);
        } finally {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException leftBehind) {
                System.err.println("Could not drop the test schema " + schema + ": " + leftBehind.getMessage());
            }
        }
    }

    /**
     * The whole check on one database; {@code backupStatus} is what an online backup answers afterwards: 201 on H2,
     * 409 (pointing to pg_dump) on PostgreSQL.
     */
    private void killAndRestartScenario(Map<String, String> environment, Path work, int backupStatus) throws Exception {
        Path log = work.resolve("registry.log");

        // 1. A fresh registry: a site, its clinician and their patients; then visits streamed in until kill -9.
        RegistryProcess registry = RegistryProcess.start(environment, log);
        List<Long> patients = setUp(registry);
        List<SentVisit> sent = Collections.synchronizedList(new ArrayList<>());
        streamVisitsUntilKilled(registry, patients, sent);
        List<SentVisit> acknowledged = sent.stream().filter(SentVisit::acknowledged).toList();
        assertThat(acknowledged).as("visits acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        // 2. Started again on the same data: ready, every acknowledged visit there, nothing half-written.
        registry = RegistryProcess.start(environment, log);
        assertEveryAcknowledgedVisitKept(registry, patients, sent);

        // 3. A large import, killed with most of its rows already written inside its transaction.
        String importFile = importFile(patients);
        long before = countVisitsFrom(registry, patients, IMPORT_FIRST_DATE, STREAM_FIRST_DATE);
        assertThat(before).isZero();
        int exit = sendImportAndKillMidway(registry, importFile, work.resolve("data"));
        assertThat(exit).as("exit status of the killed registry").isEqualTo(RegistryProcess.KILLED_EXIT_STATUS);

        // 4. Started again: the import left nothing; the same file then imports in full.
        registry = RegistryProcess.start(environment, log);
        assertThat(countVisitsFrom(registry, patients, IMPORT_FIRST_DATE, STREAM_FIRST_DATE))
                .as("visits of the interrupted import present after the restart (all or nothing: must be none)")
                .isZero();
        assertEveryAcknowledgedVisitKept(registry, patients, sent);
        JsonNode report = send(registry, "POST", "/api/import/visits", CLINICIAN, CLINICIAN_PASSWORD, "text/csv; charset=utf-8",
                importFile, 200);
        int rows = patients.size() * IMPORT_VISITS_PER_PATIENT;
        assertThat(report.path("created").asInt()).isEqualTo(rows);
        assertThat(countVisitsFrom(registry, patients, IMPORT_FIRST_DATE, STREAM_FIRST_DATE)).isEqualTo(rows);
        JsonNode backup = send(registry, "POST", "/api/admin/backup", "admin", ADMIN_PASSWORD, null, null, backupStatus);
        if (backupStatus == 409) {
            assertThat(backup.path("detail").asText()).contains("pg_dump");
        }
        registry.stop();
    }

    /** Creates the site, the clinician and the patients through the API as the first administrator would. */
    private List<Long> setUp(RegistryProcess registry) throws Exception {
        send(registry, "POST", "/api/sites", "admin", ADMIN_PASSWORD, "application/json",
                json.writeValueAsString(Map.of("code", SITE, "name", "Durability check clinic")), 201);
        send(registry, "POST", "/api/users", "admin", ADMIN_PASSWORD, "application/json",
                json.writeValueAsString(Map.of("username", CLINICIAN, "password", CLINICIAN_PASSWORD,
                        "role", "CLINICIAN", "siteCode", SITE)), 201);
        List<Long> patients = new ArrayList<>();
        for (int i = 0; i < WRITERS * PATIENTS_PER_WRITER; i++) {
            Map<String, Object> patient = new LinkedHashMap<>();
            patient.put("siteCode", SITE);
            patient.put("externalId", "DUR-" + i);
            patient.put("sex", i % 2 == 0 ? "FEMALE" : "MALE");
            patient.put("birthDate", "1970-05-14");
            patient.put("diagnosis", "DM");
            patient.put("diagnosisDate", "1989-02-01");
            patient.put("cancerAssociated", false);
            patient.put("ild", false);
            patients.add(send(registry, "POST", "/api/patients", CLINICIAN, CLINICIAN_PASSWORD, "application/json",
                    json.writeValueAsString(patient), 201).path("id").asLong());
        }
        return patients;
    }

    /** One visit as sent: its values are derived from the writer and the sequence, so each visit is distinguishable. */
    private record SentVisit(long patientId, LocalDate visitDate, int mmt8, double haq, int ck, String notes,
                             Long acknowledgedId) {

        static SentVisit of(long patientId, int writer, int sequence) {
            return new SentVisit(patientId, STREAM_FIRST_DATE.plusDays(sequence), 30 + (sequence * 7 + writer) % 120,
                    ((sequence + writer) % 25) * 0.125, 50 + sequence * 13 + writer, "stream " + writer + "-" + sequence, null);
        }

        SentVisit acknowledgedAs(long id) {
            return new SentVisit(patientId, visitDate, mmt8, haq, ck, notes, id);
        }

        boolean acknowledged() {
            return acknowledgedId != null;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("visitDate", visitDate.toString());
            body.put("physicianGlobalActivity", 5.0);
            body.put("mmt8", mmt8);
            body.put("mmt8Max", 150);
            body.put("haq", haq);
            body.put("enzymes", List.of(Map.of("test", "CK", "value", ck, "uln", 200, "unit", "U/L")));
            body.put("notes", notes);
            return body;
        }

        boolean sameAs(JsonNode stored) {
            JsonNode enzymes = stored.path("enzymes");
            return stored.path("visitDate").asText().equals(visitDate.toString())
                    && stored.path("mmt8").asInt() == mmt8
                    && stored.path("haq").asDouble() == haq
                    && stored.path("notes").asText().equals(notes)
                    && enzymes.size() == 1
                    && enzymes.get(0).path("test").asText().equals("CK")
                    && enzymes.get(0).path("value").asDouble() == ck;
        }
    }

    /**
     * Writers post visits, one at a time each, and record every 201 with the id it answered; once enough are
     * acknowledged the registry is killed while they are still sending, and each writer stops at its first failure.
     */
    private void streamVisitsUntilKilled(RegistryProcess registry, List<Long> patients, List<SentVisit> sent)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            List<Long> own = patients.subList(writer * PATIENTS_PER_WRITER, (writer + 1) * PATIENTS_PER_WRITER);
            int writerNumber = writer;
            Thread thread = new Thread(() -> {
                for (int sequence = 0; running.get(); sequence++) {
                    SentVisit visit = SentVisit.of(own.get(sequence % own.size()), writerNumber, sequence);
                    try {
                        HttpResponse<String> response = http.send(request(registry, "POST",
                                "/api/patients/" + visit.patientId() + "/visits", CLINICIAN, CLINICIAN_PASSWORD,
                                "application/json", json.writeValueAsString(visit.body())), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            sent.add(visit);
                            refusals.add(response.statusCode() + " " + response.body());
                            return;
                        }
                        sent.add(visit.acknowledgedAs(json.readTree(response.body()).path("id").asLong()));
                    } catch (IOException connectionLost) {
                        // The registry was killed while this visit was on its way: it was never acknowledged.
                        sent.add(visit);
                        return;
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "visit-writer-" + writer);
            thread.start();
            writers.add(thread);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledgedCount(sent) < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline
                && writers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(20);
        }
        int exit = registry.kill();
        running.set(false);
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        assertThat(refusals).as("visits the registry refused before the kill").isEmpty();
        assertThat(exit).as("exit status of the killed registry").isEqualTo(RegistryProcess.KILLED_EXIT_STATUS);
        System.out.printf("kill -9 during the visit stream: %d visits acknowledged, %d in flight%n",
                acknowledgedCount(sent), sent.size() - acknowledgedCount(sent));
    }

    private static long acknowledgedCount(List<SentVisit> sent) {
        synchronized (sent) {
            return sent.stream().filter(SentVisit::acknowledged).count();
        }
    }

    /**
     * Every acknowledged visit is read back with its values and its audit event; every stored stream visit is one that
     * was sent (acknowledged, or in flight at the kill), whole, with its enzyme result.
     */
    private void assertEveryAcknowledgedVisitKept(RegistryProcess registry, List<Long> patients, List<SentVisit> sent)
            throws Exception {
        Map<String, SentVisit> byPatientAndDate = new HashMap<>();
        for (SentVisit visit : sent) {
            byPatientAndDate.put(visit.patientId() + "/" + visit.visitDate(), visit);
        }
        int acknowledged = 0;
        for (SentVisit visit : sent) {
            if (visit.acknowledged()) {
                acknowledged++;
                JsonNode stored = send(registry, "GET", "/api/visits/" + visit.acknowledgedId(), CLINICIAN,
                        CLINICIAN_PASSWORD, null, null, 200);
                assertThat(visit.sameAs(stored)).as("acknowledged visit %s read back as %s", visit, stored).isTrue();
            }
        }
        Set<Long> acknowledgedIds = sent.stream().filter(SentVisit::acknowledged).map(SentVisit::acknowledgedId)
                .collect(Collectors.toSet());
        Set<Long> auditedIds = new java.util.HashSet<>();
        for (long patient : patients) {
            for (JsonNode stored : visitsOf(registry, patient)) {
                if (LocalDate.parse(stored.path("visitDate").asText()).isBefore(STREAM_FIRST_DATE)) {
                    continue;
                }
                SentVisit visit = byPatientAndDate.get(patient + "/" + stored.path("visitDate").asText());
                assertThat(visit).as("stored visit %s was sent by the stream", stored).isNotNull();
                assertThat(visit.sameAs(stored)).as("stored visit %s is whole and as sent", stored).isTrue();
            }
            for (JsonNode event : listAll(registry, "/api/patients/" + patient + "/audit", "admin", ADMIN_PASSWORD)) {
                if ("VISIT".equals(event.path("entityType").asText()) && "CREATE".equals(event.path("action").asText())) {
                    auditedIds.add(event.path("entityId").asLong());
                }
            }
        }
        assertThat(auditedIds).as("visits with a CREATE audit event").containsAll(acknowledgedIds);
        System.out.printf("after restart: all %d acknowledged visits present, with their audit events%n", acknowledged);
    }

    /** A CSV file of {@link #IMPORT_VISITS_PER_PATIENT} visits per patient, dated before every streamed visit. */
    private static String importFile(List<Long> patients) {
        StringBuilder file = new StringBuilder(IMPORT_HEADER).append("\r\n");
        for (int day = 0; day < IMPORT_VISITS_PER_PATIENT; day++) {
            for (long patient : patients) {
                file.append(patient).append(',').append(IMPORT_FIRST_DATE.plusDays(day)).append(',')
                        .append((day % 101) / 10.0).append(',').append(40 + day % 110).append(",150,")
                        .append((day % 25) * 0.125).append(',').append(100 + day).append(",200,import ")
                        .append(day).append("\r\n");
            }
        }
        return file.toString();
    }

    /**
     * Streams the first {@link #IMPORT_ROWS_BEFORE_KILL} rows of the file, waits while the registry writes them inside
     * the import's transaction, and kills it with the rest of the file unsent. Returns the exit status.
     */
    private int sendImportAndKillMidway(RegistryProcess registry, String file, Path dataDirectory) throws Exception {
        String[] lines = file.split("(?<=\r\n)");
        HttpURLConnection connection = (HttpURLConnection) registry.uri("/api/import/visits").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(64 * 1024);
        connection.setRequestProperty("Content-Type", "text/csv; charset=utf-8");
        connection.setRequestProperty("Authorization", basic(CLINICIAN, CLINICIAN_PASSWORD));
        long sizeBefore = databaseFileSize(dataDirectory);
        OutputStream body = connection.getOutputStream();
        for (int line = 0; line <= IMPORT_ROWS_BEFORE_KILL; line++) {
            body.write(lines[line].getBytes(StandardCharsets.UTF_8));
        }
        body.flush();
        // The registry reads and writes the file as it arrives, 500 rows at a time: give it time to write what it has.
        Thread.sleep(3_000);
        long sizeAtKill = databaseFileSize(dataDirectory);
        int exit = registry.kill();
        connection.disconnect();
        System.out.printf("kill -9 during the import: %d of %d rows sent%s%n", IMPORT_ROWS_BEFORE_KILL, lines.length - 1,
                sizeBefore < 0 ? "" : "; H2 file grew from " + sizeBefore + " to " + sizeAtKill + " bytes, uncommitted");
        return exit;
    }

    private static long databaseFileSize(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("myotrack.mv.db");
        return Files.exists(file) ? Files.size(file) : -1;
    }

    /** Visits of the patients dated in [from, until). */
    private long countVisitsFrom(RegistryProcess registry, List<Long> patients, LocalDate from, LocalDate until)
            throws Exception {
        long count = 0;
        for (long patient : patients) {
            for (JsonNode visit : visitsOf(registry, patient)) {
                LocalDate date = LocalDate.parse(visit.path("visitDate").asText());
                if (!date.isBefore(from) && date.isBefore(until)) {
                    count++;
                }
            }
        }
        return count;
    }

    private List<JsonNode> visitsOf(RegistryProcess registry, long patient) throws Exception {
        return listAll(registry, "/api/patients/" + patient + "/visits", CLINICIAN, CLINICIAN_PASSWORD);
    }

    /** Every item of a paged list, page after page. */
    private List<JsonNode> listAll(RegistryProcess registry, String path, String user, String password) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = send(registry, "GET", path + "?size=500&page=" + page, user, password, null, null, 200);
            answer.path("items").forEach(items::add);
            if (items.size() >= answer.path("total").asLong() || answer.path("items").isEmpty()) {
                return items;
            }
        }
    }

    private JsonNode send(RegistryProcess registry, String method, String path, String user, String password,
                          String contentType, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request(registry, method, path, user, password, contentType, body),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private static HttpRequest request(RegistryProcess registry, String method, String path, String user, String password,
                                       String contentType, String body) {
        URI uri = registry.uri(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user, password))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
