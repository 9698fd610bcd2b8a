package org.myotrack.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Registry settings under {@code myotrack.*}; each can also be set as an environment variable. */
@ConfigMapping(prefix = "myotrack")
public interface MyoTrackConfig {

    /** Folder of the embedded H2 database and registry secrets (env {@code MYOTRACK_DATA_DIR}). */
    @WithDefault("./data")
    String dataDir();

    /** Seed the demo sites, users and synthetic cohort on an empty database (env {@code MYOTRACK_DEMO}). */
    @WithDefault("false")
    boolean demo();

    /** Number of synthetic patients the demo seeds. */
    @WithDefault("48")
    int demoPatients();

    /** Password of the {@code admin} user created on the first start outside demo mode (env {@code MYOTRACK_ADMIN_PASSWORD}). */
    Optional<String> adminPassword();

    /** Thresholds of the registry's clinical rules (clinical.md §6), all "registry rules" kept out of code. */
    Rules rules();

    /** Registry rule thresholds with the defaults of clinical.md §6. */
    interface Rules {

        /** Days before a regimen began within which a visit can be its baseline. */
        @WithDefault("30")
        int regimenBaselineDaysBefore();

        /** Days after a regimen began within which a visit can be its baseline. */
        @WithDefault("14")
        int regimenBaselineDaysAfter();
    }
}
