package org.myotrack.bootstrap;

import java.util.Optional;

/** What the registry does on start-up, decided from the state of the database and the settings alone. */
public enum FirstStart {
    /** The database already has users: start as it is. */
    NOTHING,
    /** Empty database in demo mode: seed the demo sites, users and cohort. */
    SEED_DEMO,
    /** Empty database outside demo mode: create {@code admin} from the configured password. */
    CREATE_ADMIN;

    /** Shortest first-administrator password accepted, as for every other user. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /**
     * @throws IllegalStateException with a message for the operator when the registry must not start: an empty
     *                               database outside demo mode without a usable {@code MYOTRACK_ADMIN_PASSWORD}
     */
    public static FirstStart decide(boolean databaseHasUsers, boolean demo, Optional<String> adminPassword) {
        if (databaseHasUsers) {
            return NOTHING;
        }
        if (demo) {
            return SEED_DEMO;
        }
        String password = adminPassword.map(String::strip).orElse("");
        if (password.isEmpty()) {
            throw new IllegalStateException("MyoTrack will not start: the database is empty and no administrator "
                    + "password is set. Set MYOTRACK_ADMIN_PASSWORD (at least " + MIN_PASSWORD_LENGTH
                    + " characters) to create the 'admin' user, or MYOTRACK_DEMO=true to try the demo registry.");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("MyoTrack will not start: MYOTRACK_ADMIN_PASSWORD must have at least "
                    + MIN_PASSWORD_LENGTH + " characters.");
        }
        return CREATE_ADMIN;
    }
}
