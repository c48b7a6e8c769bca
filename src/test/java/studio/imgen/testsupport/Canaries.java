package studio.imgen.testsupport;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret canaries of the whole test run (security-reliability.md §6 row 46). Every secret a test hands the app is
 * registered here; {@link CanaryWatch} reports any place it shows up again: the console (every log line and stack
 * trace of the run), HTTP responses of the app under test, and Vaadin UI state after each test.
 */
public final class Canaries {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new ArrayList<>();
    private static final String MASK = "sk-canary-<masked>";

    private Canaries() {
    }

    /** A new registered canary API key, {@code sk-canary-<32 hex>}. */
    public static String fresh() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return register("sk-canary-" + HexFormat.of().formatHex(bytes));
    }

    public static String register(String secret) {
        SECRETS.add(secret);
        return secret;
    }

    /** Records a leak if the text holds any registered canary; true if it did. */
    public static boolean scan(String where, CharSequence text) {
        if (SECRETS.isEmpty() || text == null) {
            return false;
        }
        boolean found = false;
        String value = text.toString();
        for (String secret : SECRETS) {
            int at = value.indexOf(secret);
            if (at >= 0) {
                String excerpt = value.substring(Math.max(0, at - 80), Math.min(value.length(), at + secret.length() + 40));
                synchronized (LEAKS) {
                    // Never repeat the secret itself: the report goes to the console the watch is reading.
                    LEAKS.add(where + ": …" + excerpt.replace(secret, MASK).replaceAll("[\\r\\n]+", " ") + "…");
                }
                found = true;
            }
        }
        return found;
    }

    /** Longest registered canary, for scanners that keep an overlap between chunks. */
    static int longest() {
        return SECRETS.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The leaks found since the last call. */
    public static List<String> drainLeaks() {
        synchronized (LEAKS) {
            List<String> found = List.copyOf(LEAKS);
            LEAKS.clear();
            return found;
        }
    }
}
