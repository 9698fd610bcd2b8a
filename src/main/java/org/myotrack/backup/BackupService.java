package org.myotrack.backup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.audit.AuditAction;
import org.myotrack.audit.AuditService;
import org.myotrack.audit.AuditedEntity;
import org.myotrack.cohort.export.RegistrySecret;
import org.myotrack.common.DataDirectorySecrets;
import org.myotrack.common.MyoTrackConfig;
import org.myotrack.common.ProblemException;
import org.myotrack.security.Actor;
import org.myotrack.web.WebSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backups of the embedded H2 database into {@code <data-dir>/backups/}, taken while the registry keeps serving.
 * H2's {@code BACKUP TO} copies the database file as of one moment, consistent with every transaction committed by
 * then; the registry adds the secrets it generated into the data directory (export pseudonym key, session key), so that
 * a restored registry gives the same pseudonyms. Unzipped into an empty folder, a backup is a data directory.
 * PostgreSQL installations back up with {@code pg_dump} instead.
 */
@ApplicationScoped
public class BackupService {

    static final String FOLDER = "backups";
    /** The registry's own backup names only, so a download can never name another file. */
    static final Pattern FILE_NAME = Pattern.compile("myotrack-\\d{8}T\\d{9}Z\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Secrets kept beside the database when none is configured; a restore without them changes every pseudonym. */
    private static final List<String> DATA_DIRECTORY_SECRETS = List.of(RegistrySecret.FILE_NAME, WebSecurity.KEY_FILE);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MyoTrackConfig config;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    /**
     * Writes a backup and records it in the audit trail (entity BACKUP, its id the backup's time in epoch
     * milliseconds). One backup at a time: a second request waits for the first.
     */
    public synchronized BackupView takeBackup(Actor actor) {
        requireH2();
        // To the millisecond, as the file name and the audit id carry it, so the listing and the answer agree.
        Instant takenAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String name = "myotrack-" + STAMP.format(takenAt) + ".zip";
        Path folder = folder();
        Path partial = folder.resolve(name + ".partial");
        Path backup = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(partial);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            addDataDirectorySecrets(partial);
            DataDirectorySecrets.ownerOnly(partial);
            // Only a complete backup ever carries the final name.
            Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
            BackupView taken = BackupView.of(name, Files.size(backup), takenAt);
            try {
                QuarkusTransaction.requiringNew().run(() -> audit.record(actor, AuditAction.CREATE, AuditedEntity.BACKUP,
                        takenAt.toEpochMilli(), null, null, taken));
            } catch (RuntimeException unaudited) {
                // No copy of the registry may exist that the audit trail does not know of.
                Files.deleteIfExists(backup);
                throw unaudited;
            }
            return taken;
        } catch (SQLException failed) {
            throw new IllegalStateException("H2 could not write the backup " + partial, failed);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write the backup " + backup, failed);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // A leftover .partial file is never listed nor served.
            }
        }
    }

    /** The backups in the backup folder, newest first. */
    public List<BackupView> listBackups() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches())
                    .map(this::view)
                    .sorted(Comparator.comparing(BackupView::takenAt).reversed())
                    .toList();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot list the backups in " + folder, failed);
        }
    }

    /** The file of a backup the registry wrote, by its name; empty for any other name. */
    public Optional<Path> findBackup(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder().resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private BackupView view(Path file) {
        String name = file.getFileName().toString();
        try {
            Instant takenAt = STAMP.parse(name.substring("myotrack-".length(), name.length() - ".zip".length()), Instant::from);
            return BackupView.of(name, Files.size(file), takenAt);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot read the size of " + file, failed);
        }
    }

    private Path folder() {
        return Path.of(config.dataDir()).resolve(FOLDER);
    }

    private void requireH2() {
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            url = connection.getMetaData().getURL();
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot reach the database to back it up", failed);
        }
        if (!isH2(product)) {
            throw ProblemException.conflict("The registry's database is " + product + ", not the embedded H2 database: "
                    + "back it up with the database's own tools (for PostgreSQL, pg_dump -Fc and pg_restore)");
        }
        if (url != null && url.startsWith("jdbc:h2:mem:")) {
            throw ProblemException.conflict("The registry runs on an in-memory database, which has no file to back up "
                    + "and ends with the process");
        }
    }

    /** Whether the database product named by JDBC metadata is H2, the only database this service backs up. */
    static boolean isH2(String databaseProductName) {
        return "H2".equalsIgnoreCase(databaseProductName);
    }

    /** Adds the secret files of the data directory to the zip H2 wrote, under the same names, beside the database. */
    private void addDataDirectorySecrets(Path zip) throws IOException {
        Path dataDir = Path.of(config.dataDir());
        List<Path> secrets = DATA_DIRECTORY_SECRETS.stream().map(dataDir::resolve).filter(Files::isRegularFile).toList();
        if (secrets.isEmpty()) {
            return;
        }
        try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()), Map.of())) {
            for (Path secret : secrets) {
                Files.copy(secret, archive.getPath(secret.getFileName().toString()));
            }
        }
    }
}
