package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.apache.commons.io.FileUtils;
import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.refractory.FlagService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The synthetic registry the registry-scale benchmarks run against, written once per size and then reused: the
 * first benchmark of a size writes it with {@link SyntheticRegistryWriter} and keeps an H2 backup of it as
 * {@code target/bench/registry-<patients>-<fingerprint>.zip}; later ones start from a copy of that backup instead of spending
 * minutes writing the same rows again. The backup holds the stored flag state of every patient too, so a copy starts
 * without re-evaluating the registry. The benchmarks of one JVM share one copy through {@link Database} (one start
 * of the application for all of them); each writes new visits of its own, on days no other one uses, and counts
 * only what it wrote. Delete the zip (or {@code mvn clean}) to write the registry afresh, e.g. after a change of the
 * demo generator or of the schema.
 */
final class BenchRegistry {

    /** The application on a copy of the benchmark registry, outside demo mode, taking imports of any size. */
    public static class Database implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("myotrack.demo", "false",
                    "myotrack.admin-password", "benchmark-admin-password",
                    "myotrack.import.max-bytes", "512M",
                    "quarkus.datasource.jdbc.url", BenchRegistry.jdbcUrl("registry"),
                    "quarkus.hibernate-orm.statistics", "false",
                    // The tests' clean start would empty the copy of the registry.
                    "quarkus.flyway.clean-at-start", "false");
        }
    }

    /** The registry's sites and their ids; patients alternate between them. */
    static final Map<String, Long> SITES = Map.of("BENCH-A", 1L, "BENCH-B", 2L);

    private BenchRegistry() {
    }

    /** Patients of the benchmark's registry, {@code -Dbench.patients} (default 100,000). */
    static int patients() {
        return Integer.getInteger("bench.patients", 100_000);
    }

    /** The generator the registry is written from: patient {@code index} is stored with id {@code index + 1}. */
    static DemoCohortGenerator generator() {
        return new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, List.of("BENCH-A", "BENCH-B"));
    }

    /**
     * The kept backup of the registry of that many patients, present once a benchmark of that size has run. Its name
     * carries a fingerprint of the generator's first patients and of the migrations, so a changed generator or schema
     * writes a new registry instead of benchmarking against rows it would no longer generate, or migrating every copy.
     */
    static Path template(int patients) {
        DemoCohortGenerator generator = generator();
        int fingerprint = 1;
        for (int index = 0; index < 10; index++) {
            fingerprint = 31 * fingerprint + generator.patient(index).toString().hashCode();
        }
        // And of the schema: a copy migrated at every start would time the migration with the start-up.
        try (var migrations = Files.list(Path.of("migrations"))) {
            for (String migration : migrations.map(path -> path.getFileName().toString()).sorted().toList()) {
                fingerprint = 31 * fingerprint + migration.hashCode();
            }
        } catch (IOException failed) {
            throw new IllegalStateException("Cannot list the migrations of the benchmark registry's schema", failed);
        }
        return BenchResults.dir().resolve(String.format("registry-%d-%08x.zip", patients, fingerprint));
    }

    /**
     * The JDBC URL of a fresh database for one benchmark run, named {@code name}; holds a copy of the registry of
     * {@link #patients()} patients when one was kept. Called by the test profile, before the application starts.
     */
    static String jdbcUrl(String name) {
        deleteCopiesOfEndedRuns(name);
        Path dir = BenchResults.dir().resolve(name + "-db-" + ProcessHandle.current().pid());
        // -Dbench.registry names a kept registry written elsewhere (another version of the registry, say), so two
        // versions can be timed on the same rows; it is migrated to this version's schema at start-up.
        String given = System.getProperty("bench.registry");
        Path template = given == null || given.isBlank() ? template(patients()) : Path.of(given);
        if (Files.exists(template)) {
            try {
                unzip(template, dir);
            } catch (IOException failed) {
                throw new IllegalStateException("Cannot copy the benchmark registry " + template, failed);
            }
        }
        return "jdbc:h2:file:" + dir + "/myotrack;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /**
     * Makes sure the database holds the registry: writes it and evaluates its flags when it is empty (and keeps a
     * backup for the next run), otherwise finds it copied in. Returns the number of visits.
     */
    static long prepare(AgroalDataSource dataSource, FlagService flags) throws SQLException {
        int patientCount = patients();
        try (Connection connection = dataSource.getConnection()) {
            long present = count(connection, "SELECT COUNT(*) FROM patients");
            if (present == patientCount) {
                System.out.printf("benchmark registry of %d patients copied from %s%n", patientCount, template(patientCount));
                return count(connection, "SELECT COUNT(*) FROM visits WHERE deleted_at IS NULL");
            }
            if (present != 0) {
                throw new IllegalStateException("The benchmark database holds " + present + " patients, not " + patientCount);
            }
            long visits = new SyntheticRegistryWriter(connection).write(generator(), SITES, patientCount, written -> {
                if (written % 10_000 == 0) {
                    System.out.printf("written %d patients%n", written);
                }
            });
            connection.setAutoCommit(true);
            flags.refreshStale();
            Path template = template(patientCount);
            Path partial = template.resolveSibling(template.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (Statement backup = connection.createStatement()) {
                // H2's online backup: a consistent copy of the database file, zipped.
                backup.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, template, StandardCopyOption.REPLACE_EXISTING);
            return visits;
        } catch (IOException failed) {
            throw new IllegalStateException("Cannot keep the benchmark registry", failed);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Copies of the registry left by JVMs that have ended: at 100,000 patients each is large. */
    private static void deleteCopiesOfEndedRuns(String name) {
        try (var copies = Files.newDirectoryStream(BenchResults.dir(), name + "-db-*")) {
            for (Path copy : copies) {
                String pid = copy.getFileName().toString().substring((name + "-db-").length());
                if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    FileUtils.deleteDirectory(copy.toFile());
                }
            }
        } catch (IOException failed) {
            throw new IllegalStateException("Cannot delete old copies of the benchmark registry", failed);
        }
    }

    /** Copies the kept backup's database file into {@code dir}, where an H2 URL {@code <dir>/myotrack} opens it. */
    static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir) || entry.isDirectory()) {
                    continue;
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

}
