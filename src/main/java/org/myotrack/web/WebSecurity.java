package org.myotrack.web;

import io.quarkus.vertx.http.security.Form;
import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs web-page users in with a login form and an encrypted session cookie. The cookie's key is
 * {@code myotrack.session-key} or one generated into the data directory: left to Quarkus, a key would be made up at
 * every start, written to the log, and every session lost on restart. Quarkus takes the whole form set-up either
 * from {@code quarkus.http.auth.form.*} or from here, so all of it is here.
 */
@ApplicationScoped
public class WebSecurity {

    static final String KEY_FILE = "session-key";
    /** Session cookie; HttpOnly, so no script reads it, and SameSite=Strict (the Quarkus default). */
    static final String SESSION_COOKIE = "myotrack-session";
    /** A session unused this long ends; the cookie is renewed at most once a minute while in use. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    private static final int KEY_BYTES = 32;

    void configure(@Observes HttpSecurity http, MyoTrackConfig config) {
        http.mechanism(Form.builder()
                .loginPage("/login")
                .errorPage("/login?error=true")
                .landingPage("/")
                .cookieName(SESSION_COOKIE)
                .httpOnlyCookie()
                .timeout(IDLE_TIMEOUT)
                .encryptionKey(sessionKey(config.sessionKey(), Path.of(config.dataDir())))
                .build());
    }

    /** The configured key, or the one kept in {@code dataDir}, generated on first start. */
    static String sessionKey(Optional<String> configured, Path dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            if (configured.get().strip().length() < KEY_BYTES) {
                throw new IllegalStateException("myotrack.session-key (MYOTRACK_SESSION_KEY) must be at least "
                        + KEY_BYTES + " characters long");
            }
            return configured.get().strip();
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot read or create the session key " + file, failed);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path partial = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect the file.
            }
            Files.writeString(partial, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            // A second instance starting at the same moment must not replace a key already in use.
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            // Keep the key that is already there.
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
