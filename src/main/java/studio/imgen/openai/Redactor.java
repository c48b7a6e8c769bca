package studio.imgen.openai;

import java.util.regex.Pattern;

/**
 * Masks secrets in text that leaves this module (exception details, logs). OpenAI echoes a partly masked key in
 * 401 messages, so key-like tokens are masked as a whole, and so is the caller's exact key wherever it appears.
 */
final class Redactor {

    private static final Pattern KEY_LIKE = Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_*\\-]{3,}");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");
    private static final int MAX_LENGTH = 2000;

    private final String apiKey;

    private Redactor(String apiKey) {
        this.apiKey = apiKey;
    }

    static Redactor forKey(String apiKey) {
        return new Redactor(apiKey);
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "sk-***");
        masked = KEY_LIKE.matcher(masked).replaceAll("sk-***");
        masked = BEARER.matcher(masked).replaceAll("$1***");
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "…";
    }
}
