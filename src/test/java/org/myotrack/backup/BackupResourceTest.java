package org.myotrack.backup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.commons.io.FileUtils;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.myotrack.support.Api.admin;
import static org.myotrack.support.Api.clinician;
import static org.myotrack.support.Api.coordinator;
import static org.myotrack.support.Api.createPatient;
import static org.myotrack.support.Api.createVisit;

/**
 * Online backups of the embedded H2 database: taken through the endpoint from a registry on a file database, restored
 * into fresh data directories the two documented ways, and compared table by table with the live database.
 */
@QuarkusTest
@TestProfile(BackupResourceTest.FileDatabase.class)
class BackupResourceTest {

    /** The demo cohort on an H2 file database in a data directory of its own, with a generated export secret. */
    public static class FileDatabase implements QuarkusTestProfile {

        static final Path DATA_DIR = newDirectory("backup-live-");

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "myotrack.data-dir", DATA_DIR.toString(),
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:" + DATA_DIR.resolve("myotrack") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                    // Unset, so the export secret is generated into the data directory, as on an installation.
                    "myotrack.export.secret", "");
        }
    }

    private static final String SEQUENCE = "sequence ";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRestoreABackupWhoseEveryTableEqualsTheLiveDatabase() throws Exception {
        long patient = createPatient();
        createVisit(patient, "2024-01-15");
        // An export generates the pseudonym secret into the data directory; a backup must carry it.
        coordinator().get("/api/cohort/export?format=csv").then().statusCode(200);
        Path exportSecret = FileDatabase.DATA_DIR.resolve("export-secret");
        assertThat(exportSecret).isRegularFile();
        Map<String, List<List<Object>>> live;
        try (Connection connection = dataSource.getConnection()) {
            live = everyTable(connection);
        }

        String file = admin().post("/api/admin/backup").then().statusCode(201)
                .header("Location", containsString("/api/admin/backups/"))
                .body("file", matchesPattern("myotrack-\\d{8}T\\d{9}Z\\.zip"))
                .body("bytes", greaterThan(0))
                .extract().path("file");
        Path backup = FileDatabase.DATA_DIR.resolve("backups").resolve(file);
        assertThat(backup).isRegularFile();

        // Restored as README says: unzipped into an empty folder, which is then a data directory.
        Path unzipped = newDirectory("backup-unzipped-");
        unzip(backup, unzipped);
        assertThat(unzipped.resolve("export-secret")).hasSameBinaryContentAs(exportSecret);
        try (Connection restored = open(unzipped)) {
            assertSameTables(everyTable(restored), live);
        }

        // Or with H2's own Restore tool, which takes the database only.
        Path restoredByTool = newDirectory("backup-restored-");
        Restore.execute(backup.toString(), restoredByTool.toString(), "myotrack");
        try (Connection restored = open(restoredByTool)) {
            assertSameTables(everyTable(restored), live);
        }
    }

    @Test
    void shouldAuditTheBackupAndListAndServeIt() throws Exception {
        var taken = admin().post("/api/admin/backup").then().statusCode(201).extract().jsonPath();
        String file = taken.getString("file");
        Instant listed = Instant.parse(admin().get("/api/admin/backups").then().statusCode(200)
                .body("file", hasItem(file))
                .body("find { it.file == '" + file + "' }.bytes", equalTo(taken.getInt("bytes")))
                .extract().path("find { it.file == '" + file + "' }.takenAt"));
        assertThat(listed).isEqualTo(Instant.parse(taken.getString("takenAt")));
        long takenAt = listed.toEpochMilli();

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet audited = statement.executeQuery("SELECT username, action, new_value FROM audit_events"
                     + " WHERE entity_type = 'BACKUP' AND entity_id = " + takenAt)) {
            assertThat(audited.next()).as("audit event of backup %s", file).isTrue();
            assertThat(audited.getString("username")).isEqualTo("admin");
            assertThat(audited.getString("action")).isEqualTo("CREATE");
            assertThat(audited.getString("new_value")).contains(file);
        }

        byte[] downloaded = admin().get("/api/admin/backups/" + file).then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString(file))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(Files.readAllBytes(FileDatabase.DATA_DIR.resolve("backups").resolve(file)));
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseWithoutCredentials() {
            RestAssured.given().post("/api/admin/backup").then().statusCode(401);
            RestAssured.given().get("/api/admin/backups").then().statusCode(401);
        }

        @Test
        void shouldRefuseEveryRoleButAdmin() {
            clinician().post("/api/admin/backup").then().statusCode(403);
            coordinator().post("/api/admin/backup").then().statusCode(403);
            clinician().get("/api/admin/backups").then().statusCode(403);
            coordinator().get("/api/admin/backups/myotrack-20240101T000000000Z.zip").then().statusCode(403);
        }

        @Test
        void shouldAnswerNotFoundForAnyNameThatIsNotABackup() {
            admin().get("/api/admin/backups/myotrack-19990101T000000000Z.zip").then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            admin().get("/api/admin/backups/export-secret").then().statusCode(404);
            admin().get("/api/admin/backups/..%2Fexport-secret").then().statusCode(404);
        }
    }

    private static void assertSameTables(Map<String, List<List<Object>>> restored, Map<String, List<List<Object>>> live) {
        assertThat(restored.keySet()).as("tables of the restored database").isEqualTo(live.keySet());
        assertThat(live.keySet()).contains("PATIENTS", "VISITS", "ENZYME_RESULTS", "AUDIT_EVENTS", "flyway_schema_history");
        assertThat(live.get("VISITS")).as("visits of the live database").isNotEmpty();
        for (String table : live.keySet()) {
            if (table.startsWith(SEQUENCE)) {
                // H2 keeps a sequence a few values ahead on disk: a restored sequence may skip ids, never reuse one.
                assertThat((Long) restored.get(table).get(0).get(0)).as(table)
                        .isGreaterThanOrEqualTo((Long) live.get(table).get(0).get(0));
            } else {
                assertThat(restored.get(table)).as("rows of table %s", table).hasSameSizeAs(live.get(table))
                        .isEqualTo(live.get(table));
            }
        }
    }

    /**
     * Every table of the PUBLIC schema, named from INFORMATION_SCHEMA so that a table added later is compared too, with
     * all its rows in column order, sorted by every column; and every sequence's next value under {@code "sequence NAME"}.
     */
    private static Map<String, List<List<Object>>> everyTable(Connection connection) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM \"" + name + "\"")) {
                int columns = result.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
                rows.sort((a, b) -> a.toString().compareTo(b.toString()));
                tables.put(name, rows);
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT sequence_name, base_value FROM information_schema.sequences"
                     + " WHERE sequence_schema = 'PUBLIC'")) {
            while (result.next()) {
                tables.put(SEQUENCE + result.getString(1), List.of(List.of(result.getLong(2))));
            }
        }
        return tables;
    }

    private static Connection open(Path dataDirectory) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDirectory.resolve("myotrack") + ";ACCESS_MODE_DATA=r",
                "myotrack", "");
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as("zip entry %s stays in the folder", entry.getName()).isTrue();
                Files.copy(entries, target);
            }
        }
    }

    /**
     * A new folder under {@code target/}, removed with everything in it when the test JVM exits: the test profile is
     * loaded by several class loaders, each making its own, and a build would otherwise leave them all behind.
     */
    private static Path newDirectory(String prefix) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Path directory = Files.createTempDirectory(target, prefix).toAbsolutePath();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(directory.toFile()),
                    "remove-" + directory.getFileName()));
            return directory;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
