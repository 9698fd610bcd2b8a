package org.myotrack.web;

import io.quarkus.vertx.http.security.Form;
import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.myotrack.common.DataDirectorySecrets;
import org.myotrack.common.MyoTrackConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs web-page users in with a login form and an encrypted session cookie. The cookie's key is
 * {@code myotrack.session-key} or one generated into the data directory: left to Quarkus, a key would be made up at
 * every start, written to the log, and every session lost on restart. Quarkus takes the whole form set-up either
 * from {@code quarkus.http.auth.form.*} or from here, so all of it is here.
 */
@ApplicationScoped
public class WebSecurity {

    public static final String KEY_FILE = "session-key";
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
        return DataDirectorySecrets.readOrGenerate(dataDir.resolve(KEY_FILE), KEY_BYTES);
    }
}
