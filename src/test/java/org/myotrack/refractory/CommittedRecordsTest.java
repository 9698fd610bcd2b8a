package org.myotrack.refractory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CommittedRecordsTest {

    @Inject
    PatientRecordLoader loader;

    @Inject
    DataSource dataSource;

    @Test
    void shouldHandOutEachRecordAsTheLoaderReadsItWhetherReadAheadOrBeyondTheBound() throws Exception {
        List<Long> ids = LongStream.range(0, 6).mapToObj(i -> {
            long id = Api.createPatient();
            for (int visit = 0; visit <= i; visit++) {
                Api.createVisit(id, "2020-0" + (visit + 1) + "-10");
            }
            return id;
        }).toList();
        Map<Long, PatientRecord> expected = QuarkusTransaction.requiringNew().call(() -> loader.load(ids));

        // Bounded at 3 visits: the first read ahead (1 + 2 visits) reaches the bound, so the second is not read ahead.
        try (CommittedRecords committed = new CommittedRecords(loader, dataSource, 3)) {
            committed.readAhead(ids.subList(0, 2));
            committed.readAhead(ids.subList(2, 4));
            Map<Long, PatientRecord> firstHalf = committed.records(ids.subList(0, 3)).get(30, TimeUnit.SECONDS);
            assertThat(committed.held()).as("records held after the first batch was handed out").isZero();
            Map<Long, PatientRecord> secondHalf = committed.records(ids.subList(3, 6)).get(30, TimeUnit.SECONDS);
            assertThat(firstHalf).containsExactlyInAnyOrderEntriesOf(Map.of(ids.get(0), expected.get(ids.get(0)),
                    ids.get(1), expected.get(ids.get(1)), ids.get(2), expected.get(ids.get(2))));
            assertThat(secondHalf).containsExactlyInAnyOrderEntriesOf(Map.of(ids.get(3), expected.get(ids.get(3)),
                    ids.get(4), expected.get(ids.get(4)), ids.get(5), expected.get(ids.get(5))));
        }
    }

    @Test
    void shouldHoldWhatItReadsAheadUntilItIsAskedFor() throws Exception {
        long id = Api.createPatient();
        Api.createVisit(id, "2020-01-10");
        try (CommittedRecords committed = new CommittedRecords(loader, dataSource, CommittedRecords.MAX_VISITS_HELD)) {
            committed.readAhead(List.of(id));
            // The reader runs in the order asked: once this is answered, the read ahead has ended.
            assertThat(committed.records(List.of()).get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(committed.held()).isEqualTo(1);
            assertThat(committed.records(List.of(id)).get(30, TimeUnit.SECONDS).get(id).visits()).hasSize(1);
            assertThat(committed.held()).isZero();
        }
    }
}
