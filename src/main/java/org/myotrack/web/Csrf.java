package org.myotrack.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The double-submit CSRF token of the web pages: a random value in an HttpOnly, SameSite=Strict cookie that every
 * form also sends as a field. Another site can make a browser send the cookie (SameSite aside) but cannot read it,
 * so it cannot put the same value in the form it forges.
 */
public final class Csrf {

    /** Cookie holding the token. */
    public static final String COOKIE = "myotrack-csrf";
    /** Form field (and, for the login form, query parameter) carrying the token. */
    public static final String FIELD = "csrf-token";

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    public static String newToken() {
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether a cookie value has the shape of a token this registry issued. */
    public static boolean wellFormed(String token) {
        if (token == null || token.length() != 43) {
            return false;
        }
        try {
            return Base64.getUrlDecoder().decode(token).length == TOKEN_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Whether the form sent the cookie's token; compared in constant time. */
    public static boolean matches(String cookieToken, String sentToken) {
        return wellFormed(cookieToken) && sentToken != null && MessageDigest.isEqual(
                cookieToken.getBytes(StandardCharsets.US_ASCII), sentToken.getBytes(StandardCharsets.US_ASCII));
    }
}
