package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds the record the way Spring Boot does, without starting a context. */
class OpenAiPropertiesTest {

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        OpenAiProperties bound = bind(Map.of("app.openai.base-url", "http://127.0.0.1:9/v1"));

        assertThat(bound).isEqualTo(OpenAiProperties.defaults("http://127.0.0.1:9/v1"));
        assertThat(bound.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.maxAttempts()).isEqualTo(3);
        assertThat(bound.backoffBase()).isEqualTo(Duration.ofMillis(500));
        assertThat(bound.deadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bind(Map.of()).baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void everyKeyCanBeSet() {
        OpenAiProperties bound = bind(Map.of("app.openai.timeout", "2s", "app.openai.connect-timeout", "1s",
                "app.openai.max-attempts", "5", "app.openai.backoff-base", "20ms", "app.openai.deadline", "1m"));

        assertThat(bound).isEqualTo(new OpenAiProperties("https://api.openai.com/v1", Duration.ofSeconds(2),
                Duration.ofSeconds(1), 5, Duration.ofMillis(20), Duration.ofMinutes(1)));
    }

    @Test
    void nonsenseIsRejected() {
        assertThatThrownBy(() -> new OpenAiProperties("https://x/v1", Duration.ZERO, Duration.ofSeconds(1), 3,
                Duration.ofMillis(1), Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenAiProperties("https://x/v1", Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                Duration.ofMillis(1), Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static OpenAiProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("app.openai", OpenAiProperties.class);
    }
}
