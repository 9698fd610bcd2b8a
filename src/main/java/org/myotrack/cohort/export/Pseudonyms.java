package org.myotrack.cohort.export;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed, one-way stand-ins for a patient in exports: a pseudonym and a date shift, both an HMAC-SHA256 of the
 * patient's registry code under the registry secret. The same patient gets the same pseudonym and shift in every
 * export, so exports can be joined over time; without the secret neither can be traced back to the patient.
 */
public final class Pseudonyms {

    /** Largest shift back, in days: every date moves by one offset per patient of 0–364 days (api.md "Cohorts"). */
    public static final int MAX_SHIFT_DAYS = 364;

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public Pseudonyms(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The registry secret must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** {@code MT-} and 20 hexadecimal digits (80 bits) of the keyed hash: collisions are negligible at any registry size. */
    public String pseudonym(String registryCode) {
        return "MT-" + HexFormat.of().withUpperCase().formatHex(hash("pseudonym:" + registryCode), 0, 10);
    }

    /** Days every date of this patient moves back: 0 to {@value #MAX_SHIFT_DAYS}. */
    public int dateShiftDays(String registryCode) {
        byte[] hash = hash("date-shift:" + registryCode);
        long unsigned = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        return (int) (unsigned % (MAX_SHIFT_DAYS + 1));
    }

    private byte[] hash(String message) {
        try {
            // A Mac is not thread-safe; one per call costs microseconds and keeps this class shareable.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
