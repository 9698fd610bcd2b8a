package org.myotrack.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedLoginsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FailedLogins logins = new FailedLogins(3, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofMinutes(5), 100, now::get);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            logins.recordFailure(key);
        }
    }

    private void pass(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void shouldNotHoldBackBelowTheThreshold() {
        fail("anna", 2);
        assertThat(logins.heldBack("anna")).isEmpty();
    }

    @Test
    void shouldHoldBackAtTheThresholdForTheLockout() {
        fail("anna", 3);
        assertThat(logins.heldBack("anna")).hasValue(Duration.ofMinutes(1));
        pass(Duration.ofSeconds(59));
        assertThat(logins.heldBack("anna")).hasValue(Duration.ofSeconds(1));
        pass(Duration.ofSeconds(1));
        assertThat(logins.heldBack("anna")).isEmpty();
    }

    @Test
    void shouldNotHoldBackOtherKeys() {
        fail("anna", 3);
        assertThat(logins.heldBack("bert")).isEmpty();
        assertThat(logins.heldBack("anna\u0000192.0.2.7")).isEmpty();
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        fail("anna", 2);
        pass(Duration.ofMinutes(15).plusSeconds(1));
        fail("anna", 2);
        assertThat(logins.heldBack("anna")).isEmpty();
    }

    @Test
    void shouldDoubleEachFurtherHoldUpToTheLongest() {
        fail("anna", 3);
        pass(Duration.ofMinutes(1));
        fail("anna", 3);
        assertThat(logins.heldBack("anna")).hasValue(Duration.ofMinutes(2));
        pass(Duration.ofMinutes(2));
        fail("anna", 3);
        assertThat(logins.heldBack("anna")).hasValue(Duration.ofMinutes(4));
        pass(Duration.ofMinutes(4));
        fail("anna", 3);
        assertThat(logins.heldBack("anna")).hasValue(Duration.ofMinutes(5));
        for (int i = 0; i < 30; i++) {
            pass(Duration.ofMinutes(5));
            fail("anna", 3);
            assertThat(logins.heldBack("anna")).as("hold %d", i).hasValue(Duration.ofMinutes(5));
        }
    }

    @Test
    void shouldStartAgainFromTheFirstHoldAfterAQuietWindow() {
        fail("anna", 3);
        pass(Duration.ofMinutes(1));
        fail("anna", 3);
        pass(Duration.ofMinutes(2).plus(Duration.ofMinutes(15)).plusSeconds(1));
        fail("anna", 3);
        assertThat(logins.heldBack("anna")).hasValue(Duration.ofMinutes(1));
    }

    @Test
    void shouldClearFailuresOnSuccess() {
        fail("anna", 2);
        logins.recordSuccess("anna");
        fail("anna", 2);
        assertThat(logins.heldBack("anna")).isEmpty();
    }

    @Test
    void shouldBoundTheKeysRememberedWithoutDroppingAHold() {
        fail("anna", 3);
        for (int i = 0; i < 1_000; i++) {
            fail("made-up-" + i, 1);
        }
        assertThat(logins.tracked()).isLessThanOrEqualTo(100);
        assertThat(logins.heldBack("anna")).isPresent();
    }

    @Test
    void shouldRefuseSettingsThatCouldNeverRelease() {
        assertThatThrownBy(() -> new FailedLogins(0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedLogins(3, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1), 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
