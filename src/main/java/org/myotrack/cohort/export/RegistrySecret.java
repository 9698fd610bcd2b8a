package org.myotrack.cohort.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.common.MyoTrackConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The registry secret behind export pseudonyms and date shifts: {@code myotrack.export.secret} when set, else a
 * random secret generated once and kept in the data directory (readable by its owner only). Losing that file
 * changes every pseudonym, so it belongs in backups with the database.
 */
@ApplicationScoped
public class RegistrySecret {

    static final String FILE_NAME = "export-secret";
    private static final int GENERATED_BYTES = 32;

    @Inject
    MyoTrackConfig config;

    private volatile Pseudonyms pseudonyms;

    public Pseudonyms pseudonyms() {
        Pseudonyms current = pseudonyms;
        if (current == null) {
            synchronized (this) {
                if (pseudonyms == null) {
                    pseudonyms = new Pseudonyms(load(config.export().secret(), Path.of(config.dataDir())));
                }
                current = pseudonyms;
            }
        }
        return current;
    }

    /** The configured secret, or the one kept in {@code dataDir}, generating it on first use. */
    static byte[] load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] secret = configured.get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < GENERATED_BYTES) {
                throw new IllegalStateException("myotrack.export.secret (MYOTRACK_EXPORT_SECRET) must be at least "
                        + GENERATED_BYTES + " characters long");
            }
            return secret;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot read or create the registry secret " + file, failed);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(secret);
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            restrictToOwner(partial);
            Files.writeString(partial, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            // A second instance generating at the same moment must not replace a secret already in use.
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            // Keep the secret that is already there.
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect the file.
        }
    }
}
