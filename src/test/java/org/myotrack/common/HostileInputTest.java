package org.myotrack.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.common.HostileBodies.Body;
import org.myotrack.support.Api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends thousands of hostile bodies (see {@link HostileBodies}) to every write endpoint of the REST API and checks each
 * answer: never a 5xx, a problem+json body for every refusal, no stack trace, and nothing written by a refused request
 * (the row count of every table is unchanged) while an accepted one is audited.
 *
 * <p>It runs inside {@code @QuarkusTest}, every choice drawn from one seeded {@link Random}: the suite's
 * application, database and demo users serve it, the table counts are read from the same in-memory database, and a failure names the seed and the
 * body, so it repeats exactly. {@code -Dhostile.bodies=N} (per endpoint, default 160) and
 * {@code -Dhostile.seed=S} make longer or different runs.
 */
@QuarkusTest
class HostileInputTest {

    private static final int BODIES_PER_ENDPOINT = Integer.getInteger("hostile.bodies", 160);
    private static final long SEED = Long.getLong("hostile.seed", 20_261_129L);
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    /**
     * Text that only a stack trace or an exception's own message would put in a response. Database errors are
     * recognised by what H2 and PostgreSQL put in them, not by "SQL" alone, which the name PostgreSQL holds.
     */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at java.", "at io.", ".java:",
            "Caused by", "org.hibernate", "com.fasterxml", "jakarta.", "SQL statement", "SQLState", "SQL state",
            "org.h2", "org.postgresql", "ERROR: ");
    private static final int REPORTED_FAILURES = 25;
    private static final String BACKUP = "POST /api/admin/backup";

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(SEED);
    private final HostileBodies hostile = new HostileBodies(random);
    private final List<String> failures = new ArrayList<>();
    private int failureCount;
    private List<String> tables;

    /** The records the endpoints with an id write to, renewed when a valid delete removes one. */
    private long patientId;
    private Map<String, Object> patientBody;
    private long visitId;
    private LocalDate visitDate;
    private long therapyId;
    private long investigationId;
    private final Map<String, Long> versions = new HashMap<>();
    private int sequence;

    /** One request: method, path, the user sending it and its body ({@code null}: none). */
    private record Attempt(String method, String path, String user, Body body) {
    }

    @Test
    void shouldRefuseHostileBodiesAtEveryWriteEndpointWithoutServerErrorLeakOrPartialWrite() throws Exception {
        tables = tableNames();
        createRecords();
        Map<String, Function<String, Attempt>> endpoints = endpoints();
        assertThat(endpoints.keySet()).as("write endpoints of /q/openapi, each of which this test must cover")
                .isEqualTo(writeEndpointsInOpenApi());

        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int round = 0; round < BODIES_PER_ENDPOINT; round++) {
            for (Map.Entry<String, Function<String, Attempt>> endpoint : endpoints.entrySet()) {
                Attempt attempt = endpoint.getValue().apply(endpoint.getKey());
                int status = send(endpoint.getKey(), attempt);
                statuses.computeIfAbsent(endpoint.getKey(), key -> new TreeMap<>()).merge(status, 1, Integer::sum);
            }
        }
        System.out.printf("Hostile input, seed %d, %d bodies per endpoint in %d s:%n", SEED, BODIES_PER_ENDPOINT,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        statuses.forEach((endpoint, counts) -> System.out.println("  " + endpoint + " " + counts));

        assertThat(failures).as(failureCount + " failures with seed " + SEED + " (first " + REPORTED_FAILURES + " shown)")
                .isEmpty();
        // Valid and broken bodies were both sent: every endpoint accepted some and refused some.
        statuses.forEach((endpoint, counts) -> {
            if (endpoint.equals(BACKUP)) {
                assertThat(counts.keySet()).as(endpoint + " on a database the registry does not back up").containsOnly(409);
            } else {
                assertThat(counts.keySet()).as(endpoint).anyMatch(status -> status < 300).anyMatch(status -> status >= 400);
            }
        });
    }

    /** Sends one attempt and checks the answer and the database; returns the status. */
    private int send(String endpoint, Attempt attempt) throws Exception {
        long[] before = counts();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + attempt.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((attempt.user() + ":" + attempt.user()).getBytes(StandardCharsets.UTF_8)));
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (attempt.body() != null) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(attempt.body().bytes());
            if (attempt.body().contentType() != null && !attempt.body().contentType().isEmpty()) {
                request.header("Content-Type", attempt.body().contentType());
            }
        }
        HttpResponse<String> response = http.send(request.method(attempt.method(), publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        long[] after = counts();
        int status = response.statusCode();
        String what = endpoint + " " + attempt.path() + " <- "
                + (attempt.body() == null ? "no body" : attempt.body().preview()) + " -> " + status;
        check(status < 500, what + ": server error " + response.body());
        String body = response.body();
        for (String leak : LEAKS) {
            check(!body.contains(leak), what + ": the answer shows \"" + leak + "\": " + abbreviate(body));
        }
        if (status >= 400) {
            check(response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE),
                    what + ": refusal not problem+json but " + response.headers().firstValue("Content-Type"));
            check(problemStatus(body) == status, what + ": problem document without its status: " + abbreviate(body));
            check(Arrays.equals(before, after), what + ": refused, yet rows changed " + changes(before, after));
        } else {
            int audit = tables.stream().map(table -> table.toUpperCase(java.util.Locale.ROOT)).toList().indexOf("AUDIT_EVENTS");
            boolean changed = false;
            for (int i = 0; i < tables.size(); i++) {
                changed |= i != audit && before[i] != after[i];
            }
            check(!changed || after[audit] > before[audit], what + ": written without an audit event " + changes(before, after));
            followUp(endpoint, attempt, status, body);
        }
        if (status == 409 && attempt.method().equals("PUT") || status == 409 && attempt.method().equals("DELETE")) {
            refreshVersions();
        }
        return status;
    }

    private void check(boolean holds, String failure) {
        if (!holds) {
            failureCount++;
            if (failures.size() < REPORTED_FAILURES) {
                failures.add(failure);
            }
        }
    }

    /** Keeps the ids and versions of the records under test current after an accepted request. */
    private void followUp(String endpoint, Attempt attempt, int status, String body) throws Exception {
        if (attempt.method().equals("PUT") && status == 200) {
            JsonNode updated = json.readTree(body);
            versions.put(endpoint, updated.path("version").asLong());
            if (endpoint.startsWith("PUT /api/visits")) {
                visitDate = LocalDate.parse(updated.path("visitDate").asText());
            }
        }
        if (attempt.method().equals("DELETE") && status == 204) {
            switch (endpoint) {
                case "DELETE /api/visits/{visitId}" -> createVisit();
                case "DELETE /api/therapies/{therapyId}" -> createTherapy();
                default -> createInvestigation();
            }
        }
    }

    private Map<String, Function<String, Attempt>> endpoints() {
        Map<String, Function<String, Attempt>> endpoints = new LinkedHashMap<>();
        endpoints.put("POST /api/patients", key -> json("POST", "/api/patients", "clinician", Api.patientBody()));
        endpoints.put("PUT /api/patients/{id}", key -> {
            Map<String, Object> body = new HashMap<>(patientBody);
            body.put("version", versions.get(key));
            return json("PUT", "/api/patients/" + id(patientId), "clinician", body);
        });
        endpoints.put("POST /api/patients/{id}/visits", key ->
                json("POST", "/api/patients/" + id(patientId) + "/visits", "clinician", Api.visitBody(randomDate().toString())));
        endpoints.put("PUT /api/visits/{visitId}", key -> {
            Map<String, Object> body = Api.visitBody(visitDate.toString());
            body.put("version", versions.get(key));
            return json("PUT", "/api/visits/" + id(visitId), "clinician", body);
        });
        endpoints.put("DELETE /api/visits/{visitId}", key -> delete("/api/visits/", visitId, "PUT /api/visits/{visitId}"));
        endpoints.put("POST /api/patients/{id}/therapies", key ->
                json("POST", "/api/patients/" + id(patientId) + "/therapies", "clinician", therapyBody()));
        endpoints.put("PUT /api/therapies/{therapyId}", key -> {
            Map<String, Object> body = therapyBody();
            body.put("version", versions.get(key));
            return json("PUT", "/api/therapies/" + id(therapyId), "clinician", body);
        });
        endpoints.put("DELETE /api/therapies/{therapyId}", key -> delete("/api/therapies/", therapyId, "PUT /api/therapies/{therapyId}"));
        endpoints.put("POST /api/patients/{id}/investigations", key ->
                json("POST", "/api/patients/" + id(patientId) + "/investigations", "clinician", investigationBody()));
        endpoints.put("PUT /api/investigations/{investigationId}", key -> {
            Map<String, Object> body = investigationBody();
            body.put("version", versions.get(key));
            return json("PUT", "/api/investigations/" + id(investigationId), "clinician", body);
        });
        endpoints.put("DELETE /api/investigations/{investigationId}", key ->
                delete("/api/investigations/", investigationId, "PUT /api/investigations/{investigationId}"));
        endpoints.put("POST /api/import/visits", key -> csv("/api/import/visits",
                List.of("patientId", "visitDate", "physicianGlobalActivity", "mmt8", "mmt8Max", "haq", "ck", "ckUln", "notes"),
                () -> List.of(String.valueOf(patientId), randomDate().toString(), "6.0", "120", "150", "1.5", "2400", "200",
                        "\"weak, CK falling\"")));
        endpoints.put("POST /api/import/therapies", key -> csv("/api/import/therapies",
                List.of("patientId", "drug", "dose", "doseUnit", "frequency", "route", "startDate", "endDate", "stopReason"),
                () -> List.of(String.valueOf(patientId), "METHOTREXATE", "15", "MG", "WEEKLY", "ORAL",
                        randomDate().toString(), "", "")));
        endpoints.put("POST /api/users", key -> json("POST", "/api/users", "admin", new HashMap<>(Map.of(
                "username", "fuzz." + (++sequence) + "." + SEED, "password", "a-long-enough-password",
                "role", "CLINICIAN", "siteCode", "DEMO-A"))));
        endpoints.put("POST /api/sites", key -> json("POST", "/api/sites", "admin", new HashMap<>(Map.of(
                "code", "FZ-" + (++sequence) + "-" + random.nextInt(1_000_000), "name", "Hostile input clinic " + sequence))));
        // A backup takes no body: whatever is sent is ignored. The suite's database, in memory or PostgreSQL, is not
        // one the registry backs up, so every request is refused (409); BackupResourceTest takes real backups on an
        // H2 file database.
        endpoints.put(BACKUP, key -> json("POST", "/api/admin/backup", "admin", new HashMap<>(Map.of("label", "nightly"))));
        return endpoints;
    }

    /** A valid body one time in eight, otherwise a hostile one made from it. */
    private Attempt json(String method, String path, String user, Map<String, Object> valid) {
        Body body = random.nextInt(8) == 0
                ? new Body(HostileBodies.write(valid).getBytes(StandardCharsets.UTF_8), "application/json", "valid")
                : hostile.json(valid);
        return new Attempt(method, path, user, body);
    }

    private Attempt csv(String path, List<String> header, java.util.function.Supplier<List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            rows.add(row.get());
        }
        Body body;
        if (random.nextInt(8) == 0) {
            String file = String.join(",", header) + "\r\n" + rows.stream().map(cells -> String.join(",", cells))
                    .collect(Collectors.joining("\r\n")) + "\r\n";
            body = new Body(file.getBytes(StandardCharsets.UTF_8), "text/csv", "valid");
        } else {
            body = hostile.csv(header, rows);
        }
        return new Attempt("POST", path, "clinician", body);
    }

    /** A soft delete: the current version one time in six, otherwise a missing, stale or malformed one, or a body. */
    private Attempt delete(String prefix, long recordId, String versionKey) {
        long version = versions.get(versionKey);
        String path = prefix + id(recordId);
        return switch (random.nextInt(6)) {
            case 0 -> new Attempt("DELETE", path + "?version=" + version, "clinician", null);
            case 1 -> new Attempt("DELETE", path, "clinician", null);
            case 2 -> new Attempt("DELETE", path + "?version=" + hostile.junkIdentifier(), "clinician", null);
            case 3 -> new Attempt("DELETE", path + "?version=" + (version + 1 + random.nextInt(5)), "clinician", null);
            case 4 -> new Attempt("DELETE", path + "?version=" + version + "&version=" + (version + 1), "clinician", null);
            default -> new Attempt("DELETE", path + "?version=" + (version - 1), "clinician",
                    hostile.json(Map.of("version", version)));
        };
    }

    /** The record's id, or one time in twenty an identifier that names no record. */
    private String id(long recordId) {
        return random.nextInt(20) == 0 ? hostile.junkIdentifier() : String.valueOf(recordId);
    }

    private LocalDate randomDate() {
        return LocalDate.of(1990, 1, 1).plusDays(random.nextInt(12_000));
    }

    private Map<String, Object> therapyBody() {
        Map<String, Object> therapy = new HashMap<>();
        therapy.put("drug", "PREDNISONE");
        therapy.put("dose", 60);
        therapy.put("doseUnit", "MG");
        therapy.put("frequency", "DAILY");
        therapy.put("route", "ORAL");
        therapy.put("startDate", randomDate().toString());
        therapy.put("endDate", null);
        therapy.put("stopReason", null);
        therapy.put("drugName", null);
        return therapy;
    }

    private Map<String, Object> investigationBody() {
        Map<String, Object> investigation = new HashMap<>();
        investigation.put("date", randomDate().toString());
        investigation.put("type", "BIOPSY");
        investigation.put("findings", List.of("NECROSIS"));
        investigation.put("notes", "thigh");
        return investigation;
    }

    private void createRecords() {
        patientBody = Api.patientBody();
        JsonPath patient = Api.clinician().body(patientBody).post("/api/patients").then().statusCode(201).extract().jsonPath();
        patientId = patient.getLong("id");
        versions.put("PUT /api/patients/{id}", patient.getLong("version"));
        createVisit();
        createTherapy();
        createInvestigation();
    }

    private void createVisit() {
        visitDate = LocalDate.of(2000, 1, 1).plusDays(sequence++);
        JsonPath visit = Api.clinician().body(Api.visitBody(visitDate.toString())).post("/api/patients/" + patientId + "/visits")
                .then().statusCode(201).extract().jsonPath();
        visitId = visit.getLong("id");
        versions.put("PUT /api/visits/{visitId}", visit.getLong("version"));
    }

    private void createTherapy() {
        JsonPath therapy = Api.clinician().body(therapyBody()).post("/api/patients/" + patientId + "/therapies")
                .then().statusCode(201).extract().jsonPath();
        therapyId = therapy.getLong("id");
        versions.put("PUT /api/therapies/{therapyId}", therapy.getLong("version"));
    }

    private void createInvestigation() {
        JsonPath investigation = Api.clinician().body(investigationBody()).post("/api/patients/" + patientId + "/investigations")
                .then().statusCode(201).extract().jsonPath();
        investigationId = investigation.getLong("id");
        versions.put("PUT /api/investigations/{investigationId}", investigation.getLong("version"));
    }

    /** After a 409 the stored versions are read again, as a client would before trying once more. */
    private void refreshVersions() {
        versions.put("PUT /api/patients/{id}", Api.clinician().get("/api/patients/" + patientId).jsonPath().getLong("version"));
        versions.put("PUT /api/visits/{visitId}", Api.clinician().get("/api/visits/" + visitId).jsonPath().getLong("version"));
        versions.put("PUT /api/therapies/{therapyId}", Api.clinician().get("/api/therapies/" + therapyId).jsonPath().getLong("version"));
        versions.put("PUT /api/investigations/{investigationId}",
                Api.clinician().get("/api/investigations/" + investigationId).jsonPath().getLong("version"));
    }

    /** Every POST, PUT, PATCH and DELETE under /api that the OpenAPI document lists, as "METHOD path". */
    private static Set<String> writeEndpointsInOpenApi() {
        JsonPath openapi = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Set<String> endpoints = new TreeSet<>();
        Map<String, Object> paths = openapi.getMap("paths");
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (Object method : openapi.getMap("paths.'" + path + "'").keySet()) {
                if (WRITE_METHODS.contains(method)) {
                    endpoints.add(method.toString().toUpperCase() + " " + path);
                }
            }
        }
        return endpoints;
    }

    private int problemStatus(String body) {
        try {
            return json.readTree(body).path("status").asInt(-1);
        } catch (java.io.IOException notJson) {
            return -1;
        }
    }

    private List<String> tableNames() throws Exception {
        List<String> names = new ArrayList<>();
        // The current schema's tables, named as the database stores them: upper case on H2, lower case on PostgreSQL.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            select.setString(1, connection.getSchema());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        assertThat(names).map(name -> name.toUpperCase(java.util.Locale.ROOT)).contains("PATIENTS", "VISITS", "AUDIT_EVENTS");
        return names;
    }

    /** The row count of every table, in one statement. */
    private long[] counts() throws Exception {
        String query = tables.stream().map(table -> "(SELECT COUNT(*) FROM \"" + table + "\")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            long[] counts = new long[tables.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = row.getLong(i + 1);
            }
            return counts;
        }
    }

    private String changes(long[] before, long[] after) {
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            if (before[i] != after[i]) {
                changes.append(' ').append(tables.get(i)).append(' ').append(before[i]).append("→").append(after[i]);
            }
        }
        return changes.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
