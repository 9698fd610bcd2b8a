package org.myotrack.backup;

import java.time.Instant;

/** A backup file of the registry as an administrator sees it: its name, size, when it was taken and where to fetch it. */
public record BackupView(String file, long bytes, Instant takenAt, String download) {

    static BackupView of(String file, long bytes, Instant takenAt) {
        return new BackupView(file, bytes, takenAt, "/api/admin/backups/" + file);
    }
}
