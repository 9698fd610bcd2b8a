package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.LoadRun;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Concurrent clients on loopback for a bounded time ({@link LoadRun}): reads of patients, trajectories, flags and
 * trend charts of many patients, new visits for them, and edits of one shared visit with the version read (409 on a
 * stale one, then read again and retry). At the end it checks that no update was lost (the shared visit's edit count
 * equals the acknowledged edits), that every acknowledged write has its audit event, that every client finished within
 * the bound (no deadlock) and that nothing but 2xx and 409 was answered; it fails otherwise.
 *
 * <pre>mvn -B -Pbench test -Dtest=LoadBench -Dbench.clients=8 -Dbench.seconds=120 -Dbench.load-patients=50</pre>
 *
 * Throughput and p50/p95 latency per operation go to {@code target/bench/load.txt}.
 */
@QuarkusTest
class LoadBench {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 120);
    static final int PATIENTS = Integer.getInteger("bench.load-patients", 50);

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void mixedReadsAndWritesUnderConcurrentClients() throws Exception {
        List<Long> patientIds = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            patientIds.add(Api.createPatient());
        }
        long sharedVisitId = Api.createVisit(patientIds.get(0), "2024-06-01");
        String ids = patientIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        long visitsBefore = count("SELECT COUNT(*) FROM visits WHERE patient_id IN (" + ids + ")");
        long auditsBefore = count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'VISIT' AND patient_id IN (" + ids + ")");

        LoadRun.Result result = new LoadRun(base.toURI(), "clinician", patientIds, sharedVisitId)
                .run(CLIENTS, Duration.ofSeconds(SECONDS), Duration.ofSeconds(60), 20_261_129L);

        long visitsCreated = count("SELECT COUNT(*) FROM visits WHERE patient_id IN (" + ids + ")") - visitsBefore;
        long visitAudits = count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'VISIT' AND patient_id IN (" + ids + ")")
                - auditsBefore;
        long sharedUpdates = count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'VISIT' AND action = 'UPDATE'"
                + " AND entity_id = " + sharedVisitId);
        List<String> problems = new ArrayList<>();
        if (!result.finished()) {
            problems.add("clients still busy " + SECONDS + " s + 60 s after the start: hang or deadlock");
        }
        if (result.notesCount() != result.acknowledgedEdits()) {
            problems.add("lost update: shared visit counts " + result.notesCount() + " edits, " + result.acknowledgedEdits()
                    + " were acknowledged");
        }
        if (sharedUpdates != result.acknowledgedEdits()) {
            problems.add(sharedUpdates + " audit events of edits, " + result.acknowledgedEdits() + " edits acknowledged");
        }
        if (visitsCreated != result.createdVisits() || visitAudits != result.createdVisits() + result.acknowledgedEdits()) {
            problems.add(result.createdVisits() + " visits acknowledged, " + visitsCreated + " stored, " + visitAudits
                    + " visit audit events for " + (result.createdVisits() + result.acknowledgedEdits()) + " writes");
        }
        result.unexpected().stream().limit(20).forEach(answer -> problems.add("unexpected answer: " + answer));

        String report = String.format(Locale.ROOT, "Load on loopback: %d clients for %d s, %d patients on top of the demo"
                        + " cohort, embedded H2 in memory; %d cores, heap max %d MB%n", CLIENTS, SECONDS, PATIENTS,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20)
                + result.report()
                + String.format(Locale.ROOT, "checks: %s%n", problems.isEmpty()
                ? "no lost update, one audit event per acknowledged write, all clients finished, only 2xx and 409"
                : String.join("; ", problems));
        System.out.print(report);
        Path out = Path.of("target", "bench", "load.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    private long count(String query) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
