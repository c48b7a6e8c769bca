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

    /**
     * Anything shaped like an ImGen Studio API token, registered or not (tokens created by views in tests are not):
     * logs must never carry one, so the console is checked for the shape as well.
     */
    private static final java.util.regex.Pattern API_TOKEN = java.util.regex.Pattern.compile("imgs_[A-Za-z0-9_-]{43}");
    private static final int API_TOKEN_LENGTH = 48;

    /** {@link #scan} plus the shape of an API token; for the console. */
    public static boolean scanWithShapes(String where, CharSequence text) {
        boolean found = scan(where, text);
        if (text != null && API_TOKEN.matcher(text).find()) {
            synchronized (LEAKS) {
                LEAKS.add(where + ": an API token (imgs_…) was written");
            }
            found = true;
        }
        return found;
    }

    /** Longest registered canary, for scanners that keep an overlap between chunks. */
    static int longest() {
        return Math.max(API_TOKEN_LENGTH, SECRETS.stream().mapToInt(String::length).max().orElse(0));
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
