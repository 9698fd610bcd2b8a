package org.myotrack.cohort.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Export batches are read through server-side cursors on PostgreSQL, whose driver otherwise holds a whole result in
 * memory. The driver fetches in steps only with auto-commit off and a fetch size set, and only while a result is
 * larger than the fetch size: the demo cohort's results are smaller than the export's 1,000 rows, so the reader runs
 * here with a fetch size of one row, in a transaction like an export batch's, and each of its queries is watched
 * from inside the server, at its first row, for the named portal (cursor) the driver keeps open between steps.
 */
@QuarkusTest
class CohortRecordReaderStreamingTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void onPostgreSql() {
        String product = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName()));
        assumeTrue(product.equals("PostgreSQL"), "cursor fetch is PostgreSQL's: H2 (" + product
                + ") hands results over from its own memory whatever the fetch size; run with -Ppostgresql");
    }

    @Test
    void shouldReadEveryExportQueryThroughAServerSideCursorWhenItsResultIsLargerThanTheFetchSize() {
        assertThat(CohortExportService.FETCH_SIZE).as("fetch size of export batches").isPositive();

        Map<String, Integer> cursorsWhileReading = readAllPatientsWatchingCursors(1);

        assertThat(cursorsWhileReading).as("queries of one batch").hasSize(7);
        assertThat(cursorsWhileReading).allSatisfy((query, cursors) ->
                assertThat(cursors).as("named portals open while reading " + query).isGreaterThanOrEqualTo(1));
    }

    @Test
    void shouldSeeNoCursorWhenTheDriverReadsTheWholeResultAtOnce() {
        Map<String, Integer> cursorsWhileReading = readAllPatientsWatchingCursors(0);

        assertThat(cursorsWhileReading).as("queries of one batch").hasSize(7);
        assertThat(cursorsWhileReading).allSatisfy((query, cursors) ->
                assertThat(cursors).as("named portals open while reading " + query).isZero());
    }

    /** Reads every patient as an export batch does; per query, the cursors open in the session at its first row. */
    private Map<String, Integer> readAllPatientsWatchingCursors(int fetchSize) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            assertThat(connection.getAutoCommit()).as("auto-commit inside a batch's transaction").isFalse();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM patients ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            Map<String, Integer> cursors = new LinkedHashMap<>();
            List<RegistryPatient> read = new CohortRecordReader(watching(connection, cursors), fetchSize).read(ids);
            assertThat(read).hasSize(ids.size());
            return cursors;
        }));
    }

    /** The connection, with every query's result set counting the session's named portals at its first row. */
    private static Connection watching(Connection connection, Map<String, Integer> cursors) {
        return proxy(Connection.class, connection, (method, args, result) -> {
            if (method.equals("prepareStatement") && args.length == 1) {
                String query = ((String) args[0]).substring(0, 40);
                return proxy(PreparedStatement.class, result, (statementMethod, statementArgs, statementResult) ->
                        statementMethod.equals("executeQuery")
                                ? proxy(ResultSet.class, statementResult, (rowMethod, rowArgs, hasRow) -> {
                                    if (rowMethod.equals("next") && (Boolean) hasRow && !cursors.containsKey(query)) {
                                        cursors.put(query, namedPortals(connection));
                                    }
                                    return hasRow;
                                })
                                : statementResult);
            }
            return result;
        });
    }

    private static int namedPortals(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pg_cursors WHERE name <> ''");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private interface AfterCall {
        Object apply(String method, Object[] args, Object result) throws SQLException;
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
            return after.apply(method.getName(), args == null ? new Object[0] : args, result);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
