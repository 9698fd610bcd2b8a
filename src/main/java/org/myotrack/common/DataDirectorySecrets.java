package org.myotrack.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets the registry keeps in its data directory when none is configured (the export secret, the session
 * key): generated once, readable by their owner only, and never replaced once in use.
 */
public final class DataDirectorySecrets {

    private DataDirectorySecrets() {
    }

    /** The Base64 text of the secret in {@code file}, generating {@code bytes} random bytes there first if absent. */
    public static String readOrGenerate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                generate(file, bytes);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, failed);
        }
    }

    private static void generate(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            ownerOnly(partial);
            Files.writeString(partial, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            // A second instance starting at the same moment must not replace a secret already in use.
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException anotherInstanceWon) {
            // Keep the secret that is already there.
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Makes the file readable and writable by the registry's own account only, where the file system has owners. */
    public static void ownerOnly(Path file) throws IOException {
        // Elsewhere (Windows) the data directory's own permissions protect the file.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
