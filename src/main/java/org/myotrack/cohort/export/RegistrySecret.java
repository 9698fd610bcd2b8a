package org.myotrack.cohort.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.myotrack.common.DataDirectorySecrets;
import org.myotrack.common.MyoTrackConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The registry secret behind export pseudonyms and date shifts: {@code myotrack.export.secret} when set, else a
 * random secret generated once and kept in the data directory (readable by its owner only). Losing that file
 * changes every pseudonym, so it belongs in backups with the database.
 */
@ApplicationScoped
public class RegistrySecret {

    public static final String FILE_NAME = "export-secret";
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
        return Base64.getDecoder().decode(DataDirectorySecrets.readOrGenerate(dataDir.resolve(FILE_NAME), GENERATED_BYTES));
    }
}
