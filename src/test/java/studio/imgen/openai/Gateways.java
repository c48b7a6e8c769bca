package studio.imgen.openai;

import java.time.Duration;

/** Gateways wired to a fake OpenAI with tiny timeouts and a recording sleeper. */
final class Gateways {

    static final String KEY = "sk-test-gateway-key";

    private Gateways() {}

    static OpenAiProperties properties(String baseUrl) {
        return new OpenAiProperties(baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(2), 3, Duration.ofMillis(500),
                Duration.ofMinutes(10));
    }

    static OpenAiGateway create(OpenAiProperties properties, RecordingSleeper sleeper) {
        return new OpenAiGateway(properties, sleeper, sleeper, () -> 1.0);
    }
}
