package org.myotrack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients on loopback against a running registry: mixed reads of many patients (patient, trajectory,
 * flags, trend chart), new visits for them, and repeated edits of one shared visit with the version each client read,
 * re-read and retried after a 409. Every edit writes the count of edits it knows of plus one into the visit's notes, so
 * the final notes equal the number of acknowledged edits unless an update was lost. Used by {@code LoadBench} (minutes)
 * and by {@code ConcurrentEditsTest} (seconds); the caller checks the database against {@link Result}.
 */
public final class LoadRun {

    /** Operations timed separately. */
    public static final List<String> OPERATIONS = List.of("read patient", "read trajectory", "read flags",
            "read trend chart", "new visit", "edit shared visit");

    private static final String NOTES_PREFIX = "edits=";

    private final URI base;
    private final String authorization;
    private final List<Long> patientIds;
    private final long sharedVisitId;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger nextVisitDay = new AtomicInteger();
    private final AtomicLong createdVisits = new AtomicLong();
    private final AtomicLong acknowledgedEdits = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    /** What a run did; {@code finished} is false when a client was still busy at the deadline (a hang or deadlock). */
    public record Result(boolean finished, Duration elapsed, long createdVisits, long acknowledgedEdits, long conflicts,
                         int notesCount, List<String> unexpected, Map<String, List<Long>> latencies) {

        public long requests() {
            return latencies.values().stream().mapToLong(List::size).sum();
        }

        /** Throughput and p50/p95 latency of each operation, one line each. */
        public String report() {
            StringBuilder report = new StringBuilder();
            double seconds = elapsed.toMillis() / 1000.0;
            report.append(String.format(Locale.ROOT, "%d requests in %.1f s = %.1f requests/s; %d visits created, %d edits"
                    + " of the shared visit acknowledged, %d answered 409 (stale version) and retried%n", requests(), seconds,
                    requests() / seconds, createdVisits, acknowledgedEdits, conflicts));
            for (String operation : OPERATIONS) {
                List<Long> nanos = new ArrayList<>(latencies.getOrDefault(operation, List.of()));
                if (nanos.isEmpty()) {
                    continue;
                }
                Collections.sort(nanos);
                report.append(String.format(Locale.ROOT, "%-20s %7d requests %8.1f /s   p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms%n",
                        operation, nanos.size(), nanos.size() / seconds, nanos.get(nanos.size() / 2) / 1e6,
                        nanos.get((int) Math.min(nanos.size() - 1, Math.ceil(nanos.size() * 0.95) - 1)) / 1e6,
                        nanos.get(nanos.size() - 1) / 1e6));
            }
            return report.toString();
        }
    }

    public LoadRun(URI base, String user, List<Long> patientIds, long sharedVisitId) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        this.patientIds = List.copyOf(patientIds);
        this.sharedVisitId = sharedVisitId;
    }

    /** Runs {@code clients} clients for {@code duration}, then waits at most {@code grace} for them to finish. */
    public Result run(int clients, Duration duration, Duration grace, long seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long stopAt = start + duration.toNanos();
        for (int client = 0; client < clients; client++) {
            Random random = new Random(seed + client);
            pool.submit(() -> {
                while (System.nanoTime() < stopAt) {
                    try {
                        step(random);
                    } catch (Exception failure) {
                        unexpected.add(failure.getClass().getSimpleName() + ": " + failure.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(duration.plus(grace).toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int notesCount = editsInNotes(read("/api/visits/" + sharedVisitId, null));
        return new Result(finished, elapsed, createdVisits.get(), acknowledgedEdits.get(), conflicts.get(), notesCount,
                List.copyOf(unexpected), latencies);
    }

    private void step(Random random) throws Exception {
        long patientId = patientIds.get(random.nextInt(patientIds.size()));
        int choice = random.nextInt(8);
        switch (choice) {
            case 0 -> read("/api/patients/" + patientId, "read patient");
            case 1 -> read("/api/patients/" + patientId + "/trajectory", "read trajectory");
            case 2 -> read("/api/patients/" + patientId + "/flags", "read flags");
            case 3 -> read("/api/patients/" + patientId + "/charts/trend.png?width=400&height=300", "read trend chart");
            case 4, 5 -> newVisit(patientId);
            default -> editSharedVisit();
        }
    }

    private void newVisit(long patientId) throws Exception {
        LocalDate date = LocalDate.of(1990, 1, 1).plusDays(nextVisitDay.getAndIncrement());
        String body = "{\"visitDate\":\"" + date + "\",\"physicianGlobalActivity\":4.0,\"mmt8\":130,\"mmt8Max\":150,"
                + "\"haq\":0.5,\"enzymes\":[{\"test\":\"CK\",\"value\":800,\"uln\":200,\"unit\":\"U/L\"}]}";
        HttpResponse<String> response = send("POST", "/api/patients/" + patientId + "/visits", body, "new visit");
        if (response.statusCode() == 201) {
            createdVisits.incrementAndGet();
        } else {
            unexpected("new visit", response);
        }
    }

    /** Reads the shared visit and writes its edit count plus one with the version read; after a 409, reads again. */
    private void editSharedVisit() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode visit = read("/api/visits/" + sharedVisitId, null);
            ObjectNode edit = json.createObjectNode();
            edit.put("visitDate", visit.path("visitDate").asText());
            edit.put("physicianGlobalActivity", 5.0);
            edit.put("haq", 1.0);
            edit.put("notes", NOTES_PREFIX + (editsInNotes(visit) + 1));
            edit.put("version", visit.path("version").asLong());
            HttpResponse<String> response = send("PUT", "/api/visits/" + sharedVisitId, json.writeValueAsString(edit),
                    "edit shared visit");
            if (response.statusCode() == 200) {
                acknowledgedEdits.incrementAndGet();
                return;
            }
            if (response.statusCode() != 409) {
                unexpected("edit shared visit", response);
                return;
            }
            conflicts.incrementAndGet();
        }
        unexpected.add("edit shared visit: still 409 after 50 attempts");
    }

    private static int editsInNotes(JsonNode visit) {
        String notes = visit.path("notes").asText("");
        return notes.startsWith(NOTES_PREFIX) ? Integer.parseInt(notes.substring(NOTES_PREFIX.length())) : 0;
    }

    private JsonNode read(String path, String operation) throws Exception {
        HttpResponse<String> response = send("GET", path, null, operation);
        if (response.statusCode() != 200) {
            unexpected(operation == null ? "GET " + path : operation, response);
            return json.createObjectNode();
        }
        return path.endsWith(".png?width=400&height=300") ? json.createObjectNode() : json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String operation) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (operation != null) {
            latencies.computeIfAbsent(operation, key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime() - start);
        }
        return response;
    }

    private void unexpected(String operation, HttpResponse<String> response) {
        String body = response.body();
        unexpected.add(operation + " " + response.uri().getPath() + " -> " + response.statusCode() + " "
                + body.substring(0, Math.min(200, body.length())));
    }
}
