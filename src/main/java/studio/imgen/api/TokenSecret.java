package studio.imgen.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of a personal access token: {@code imgs_} and 32 random bytes in URL-safe base64 (48 characters in
 * all). The prefix makes leaked tokens recognisable to secret scanners and people; only the SHA-256 is stored, which is
 * enough for a secret of 256 random bits (a slow password hash protects guessable secrets, not random ones).
 */
final class TokenSecret {

    static final String PREFIX = "imgs_";
    static final int LENGTH = PREFIX.length() + 43;
    private static final int HINT_LENGTH = PREFIX.length() + 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only strings shaped like our tokens are looked up at all; anything else fails without a query. */
    static boolean wellFormed(String candidate) {
        return candidate != null && candidate.length() == LENGTH && candidate.startsWith(PREFIX)
                && candidate.substring(PREFIX.length()).chars().allMatch(TokenSecret::base64Url);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What lists show to tell tokens apart: "imgs_AbC4". */
    static String hint(String secret) {
        return secret.substring(0, HINT_LENGTH);
    }

    private static boolean base64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
