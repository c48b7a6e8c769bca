package studio.imgen.openai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app talks to OpenAI ({@code app.openai.*}). The API key is not here: it belongs to a workspace and is
 * passed per call.
 *
 * @param baseUrl API root including {@code /v1}
 * @param timeout limit for one attempt, including a streamed body (image calls can take minutes)
 * @param connectTimeout limit for opening a connection
 * @param maxAttempts attempts per call, the first one included
 * @param backoffBase first retry wait without {@code Retry-After}; doubles per attempt, with jitter
 * @param deadline limit for a whole call: all attempts and waits
 */
@ConfigurationProperties(prefix = "app.openai")
public record OpenAiProperties(
        @DefaultValue("https://api.openai.com/v1") String baseUrl,
        @DefaultValue("5m") Duration timeout,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration backoffBase,
        @DefaultValue("10m") Duration deadline) {

    public OpenAiProperties {
        Requests.requireText(baseUrl, "app.openai.base-url");
        requirePositive(timeout, "app.openai.timeout");
        requirePositive(connectTimeout, "app.openai.connect-timeout");
        requirePositive(backoffBase, "app.openai.backoff-base");
        requirePositive(deadline, "app.openai.deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("app.openai.max-attempts must be at least 1");
        }
    }

    /** The production defaults with another base URL. */
    public static OpenAiProperties defaults(String baseUrl) {
        return new OpenAiProperties(baseUrl, Duration.ofMinutes(5), Duration.ofSeconds(10), 3,
                Duration.ofMillis(500), Duration.ofMinutes(10));
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
