package org.myotrack.common;

import java.util.List;

/** The optimistic-locking check every update shares: the caller must send the version it last read. */
public final class Versions {

    private Versions() {
    }

    /** 400 when no version was sent, 409 when it is not the stored one. */
    public static void requireCurrent(String what, long storedVersion, Long sentVersion) {
        if (sentVersion == null) {
            throw ProblemException.invalid(List.of(new Violation("version",
                    "is required to change a record: send the version you last read")));
        }
        if (sentVersion != storedVersion) {
            throw ProblemException.staleVersion(what, storedVersion);
        }
    }
}
