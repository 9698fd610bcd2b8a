package org.myotrack.visit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.LoadRun;

import java.net.URL;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few seconds of concurrent clients (the short form of {@code LoadBench}): new visits for several patients, reads,
 * and edits of one shared visit with the version each read. No update is lost, every acknowledged write has its audit
 * event, nothing hangs, and no answer is other than 2xx or the expected 409.
 */
@QuarkusTest
class ConcurrentEditsTest {

    private static final int CLIENTS = 4;
    private static final int PATIENTS = 5;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldLoseNoUpdateAndAuditEveryAcknowledgedWriteUnderConcurrentClients() throws Exception {
        List<Long> patientIds = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            patientIds.add(Api.createPatient());
        }
        long sharedVisitId = Api.createVisit(patientIds.get(0), "2024-06-01");
        long visitsBefore = visitsOf(patientIds);
        long visitCreatesBefore = audits("CREATE", patientIds);

        LoadRun.Result result = new LoadRun(base.toURI(), "clinician", patientIds, sharedVisitId)
                .run(CLIENTS, Duration.ofSeconds(4), Duration.ofSeconds(60), 20_261_129L);

        assertThat(result.finished()).as("every client finished within the bound (no deadlock)").isTrue();
        assertThat(result.unexpected()).as("answers other than 2xx and 409").isEmpty();
        assertThat(result.acknowledgedEdits()).isPositive();
        assertThat(result.createdVisits()).isPositive();
        assertThat(result.notesCount()).as("edit count written into the shared visit").isEqualTo(result.acknowledgedEdits());
        assertThat(updatesOf(sharedVisitId)).as("audit events of the shared visit's edits").isEqualTo(result.acknowledgedEdits());
        assertThat(visitsOf(patientIds) - visitsBefore).isEqualTo(result.createdVisits());
        assertThat(audits("CREATE", patientIds) - visitCreatesBefore).isEqualTo(result.createdVisits());
    }

    private long updatesOf(long visitId) throws Exception {
        return count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'VISIT' AND action = 'UPDATE' AND entity_id = "
                + visitId);
    }

    private long audits(String action, List<Long> patientIds) throws Exception {
        return count("SELECT COUNT(*) FROM audit_events WHERE entity_type = 'VISIT' AND action = '" + action
                + "' AND patient_id IN (" + ids(patientIds) + ")");
    }

    private long visitsOf(List<Long> patientIds) throws Exception {
        return count("SELECT COUNT(*) FROM visits WHERE patient_id IN (" + ids(patientIds) + ")");
    }

    private static String ids(List<Long> patientIds) {
        return patientIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private long count(String query) throws Exception {
        try (var connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(query);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
