package org.myotrack.schema;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * V5 on a registry that already holds records: a database migrated to V4 gets a patient and a visit, then V5 runs
 * over them. Nothing stored is lost, the patient reads as statin exposure UNKNOWN and the visit's new inputs as not
 * recorded; the new CHECK constraints hold for any writer, not only the API. V5 runs on a connection that is closed
 * afterwards, as a pool retires the migrating connection, and its constraints must still work from other connections
 * (H2 2.4.240 breaks constant-set checks created so, V1's MMT-8 scale check included when V5 rebuilds the visits
 * table; see the comments in V5).
 */
class RulesV2InputsMigrationTest {

    private static final String URL = "jdbc:h2:mem:v5-migration;DB_CLOSE_DELAY=-1";
    /** H2's code for a row refused by a CHECK constraint (23514 would mean the constraint itself failed). */
    private static final int CHECK_VIOLATED = 23513;

    /** Keeps the connection that ran V1–V4 open, so their constraints stay usable whatever V5 does. */
    private JdbcConnectionPool registry;

    @BeforeEach
    void migrateToV4AndStoreARecord() throws SQLException {
        registry = JdbcConnectionPool.create(URL, "sa", "");
        Flyway.configure().dataSource(registry).locations("classpath:db/migration").target("4").load().migrate();
        try (Connection connection = registry.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO sites (id, code, name) VALUES (1, 'OLD', 'Old site')");
            sql.executeUpdate("INSERT INTO patients (id, registry_code, site_id, external_id, sex, birth_date, diagnosis,"
                    + " juvenile, created_at, updated_at) VALUES (1, 'P000001', 1, 'MRN-1', 'FEMALE', DATE '1960-01-01',"
                    + " 'IMNM', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO visits (id, patient_id, visit_date, mmt8, mmt8_max, haq, created_at,"
                    + " updated_at) VALUES (1, 1, DATE '2020-01-05', 120, 150, 1.5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        // V5 on a connection of its own, closed when Flyway is done.
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = registry.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP ALL OBJECTS");
        }
        registry.dispose();
    }

    @Test
    void shouldKeepStoredRowsAndReadTheirNewInputsAsUnknown() throws SQLException {
        try (Connection connection = registry.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet patient = sql.executeQuery("SELECT external_id, diagnosis, statin_exposure, statin_start_date"
                    + " FROM patients WHERE id = 1")) {
                assertThat(patient.next()).isTrue();
                assertThat(patient.getString(1)).isEqualTo("MRN-1");
                assertThat(patient.getString(2)).isEqualTo("IMNM");
                assertThat(patient.getString(3)).isEqualTo("UNKNOWN");
                assertThat(patient.getObject(4)).isNull();
            }
            try (ResultSet visit = sql.executeQuery("SELECT mmt8, haq, body_weight_kg, cdasi_activity, dysphagia,"
                    + " finger_flexor_weakness, quadriceps_weakness FROM visits WHERE id = 1")) {
                assertThat(visit.next()).isTrue();
                assertThat(visit.getInt(1)).isEqualTo(120);
                assertThat(visit.getBigDecimal(2)).isEqualByComparingTo("1.5");
                for (int column = 3; column <= 7; column++) {
                    assertThat(visit.getObject(column)).as("column %d", column).isNull();
                }
            }
        }
    }

    @Test
    void shouldRefuseOutOfRangeValuesFromAnyWriterOnceTheMigratingConnectionIsGone() throws SQLException {
        try (Connection connection = registry.getConnection(); Statement sql = connection.createStatement()) {
            for (String refused : new String[] {"UPDATE visits SET body_weight_kg = 1.9 WHERE id = 1",
                    "UPDATE visits SET body_weight_kg = 300.1 WHERE id = 1",
                    "UPDATE visits SET cdasi_activity = -1 WHERE id = 1",
                    "UPDATE visits SET cdasi_activity = 101 WHERE id = 1",
                    "UPDATE visits SET mmt8_max = 100 WHERE id = 1",
                    "UPDATE patients SET statin_exposure = 'MAYBE' WHERE id = 1"}) {
                SQLException refusal = catchThrowableOfType(SQLException.class, () -> sql.executeUpdate(refused));
                assertThat((Throwable) refusal).as(refused).isNotNull();
                assertThat(refusal.getErrorCode()).as(refused + " " + refusal.getMessage()).isEqualTo(CHECK_VIOLATED);
            }
            assertThat(sql.executeUpdate("UPDATE visits SET body_weight_kg = 2.0, cdasi_activity = 0, dysphagia = TRUE"
                    + " WHERE id = 1")).isEqualTo(1);
            assertThat(sql.executeUpdate("UPDATE visits SET body_weight_kg = 300.0, cdasi_activity = 100 WHERE id = 1"))
                    .isEqualTo(1);
            assertThat(sql.executeUpdate("UPDATE visits SET mmt8 = 80, mmt8_max = 80 WHERE id = 1")).isEqualTo(1);
            assertThat(sql.executeUpdate("UPDATE visits SET mmt8 = NULL, mmt8_max = NULL WHERE id = 1")).isEqualTo(1);
            for (String exposure : new String[] {"NEVER", "PAST", "CURRENT", "UNKNOWN"}) {
                assertThat(sql.executeUpdate("UPDATE patients SET statin_exposure = '" + exposure + "' WHERE id = 1"))
                        .as(exposure).isEqualTo(1);
            }
        }
    }
}
