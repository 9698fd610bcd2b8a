package org.myotrack.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FirstStartTest {

    @Test
    void shouldRefuseToStartOnEmptyDatabaseWithoutAdminPassword() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> FirstStart.decide(false, false, Optional.empty()));
        assertThat(refusal.getMessage()).contains("MYOTRACK_ADMIN_PASSWORD").contains("MYOTRACK_DEMO=true");
        assertThrows(IllegalStateException.class, () -> FirstStart.decide(false, false, Optional.of("   ")));
    }

    @Test
    void shouldRefuseShortAdminPassword() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> FirstStart.decide(false, false, Optional.of("elevenchars")));
        assertThat(refusal.getMessage()).contains("12");
    }

    @Test
    void shouldCreateAdminFromPasswordOnEmptyDatabase() {
        assertEquals(FirstStart.CREATE_ADMIN, FirstStart.decide(false, false, Optional.of("twelve-chars")));
    }

    @Test
    void shouldSeedDemoOnlyOnEmptyDatabase() {
        assertEquals(FirstStart.SEED_DEMO, FirstStart.decide(false, true, Optional.empty()));
        assertEquals(FirstStart.NOTHING, FirstStart.decide(true, true, Optional.empty()));
    }

    @Test
    void shouldStartExistingRegistryWithoutPassword() {
        assertEquals(FirstStart.NOTHING, FirstStart.decide(true, false, Optional.empty()));
    }
}
