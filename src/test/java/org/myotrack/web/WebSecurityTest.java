package org.myotrack.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSecurityTest {

    @Test
    void shouldGenerateSessionKeyOnceAndKeepItAcrossStarts(@TempDir Path dataDir) throws Exception {
        String first = WebSecurity.sessionKey(Optional.empty(), dataDir);
        String second = WebSecurity.sessionKey(Optional.empty(), dataDir);
        assertThat(second).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(Files.readString(dataDir.resolve(WebSecurity.KEY_FILE)).strip()).isEqualTo(first);
    }

    @Test
    void shouldPreferTheConfiguredKeyAndRefuseAShortOne(@TempDir Path dataDir) {
        String configured = "a-configured-session-key-of-enough-length";
        assertThat(WebSecurity.sessionKey(Optional.of(configured), dataDir)).isEqualTo(configured);
        assertThat(dataDir.resolve(WebSecurity.KEY_FILE)).doesNotExist();
        assertThatThrownBy(() -> WebSecurity.sessionKey(Optional.of("too short"), dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
    }
}
