package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import org.myotrack.demo.DemoCohortGenerator;

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
 * {@code target/bench/registry-<patients>.zip}; later ones start from a copy of that backup instead of spending
 * minutes writing the same rows again. Each benchmark still works on its own copy, so none sees another's writes.
 * Delete the zip (or {@code mvn clean}) to write the registry afresh, e.g. after a change of the demo generator.
 */
final class BenchRegistry {

    private static final Map<String, Long> SITES = Map.of("BENCH-A", 1L, "BENCH-B", 2L);

    private BenchRegistry() {
    }

    /** Patients of the benchmark's registry, {@code -Dbench.patients} (default 100,000). */
    static int patients() {
        return Integer.getInteger("bench.patients", 100_000);
    }

    private static Path template(int patients) {
        return Path.of("target", "bench", "registry-" + patients + ".zip").toAbsolutePath();
    }

    /**
     * The JDBC URL of a fresh database for one benchmark run, named {@code name}; holds a copy of the registry of
     * {@link #patients()} patients when one was kept. Called by the test profile, before the application starts.
     */
    static String jdbcUrl(String name) {
        Path dir = Path.of("target", "bench", name + "-db-" + ProcessHandle.current().pid()).toAbsolutePath();
        Path template = template(patients());
        if (Files.exists(template)) {
            try {
                unzip(template, dir);
            } catch (IOException failed) {
                throw new IllegalStateException("Cannot copy the benchmark registry " + template, failed);
            }
        }
        return "jdbc:h2:file:" + dir + "/myotrack;WRITE_DELAY=0";
    }

    /**
     * Makes sure the database holds the registry: writes it when it is empty (and keeps a backup for the next
     * run), otherwise finds it copied in. Returns the number of visits.
     */
    static long prepare(AgroalDataSource dataSource) throws SQLException {
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
            DemoCohortGenerator generator = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, List.of("BENCH-A", "BENCH-B"));
            long visits = new SyntheticRegistryWriter(connection).write(generator, SITES, patientCount, written -> {
                if (written % 10_000 == 0) {
                    System.out.printf("written %d patients%n", written);
                }
            });
            connection.setAutoCommit(true);
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

    private static void unzip(Path zip, Path dir) throws IOException {
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
