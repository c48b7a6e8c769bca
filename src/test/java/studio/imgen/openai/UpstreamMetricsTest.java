package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.FakeOpenAi;

/** Every upstream attempt is timed by operation and outcome; every retry is counted by its failure kind. */
class UpstreamMetricsTest {

    FakeOpenAi fake;
    SimpleMeterRegistry registry;
    OpenAiGateway gateway;

    @BeforeEach
    void setUp() {
        fake = FakeOpenAi.start();
        registry = new SimpleMeterRegistry();
        RecordingSleeper sleeper = new RecordingSleeper();
        gateway = new OpenAiGateway(Gateways.properties(fake.baseUrl()), sleeper, sleeper, () -> 1.0,
                new UpstreamMetrics(registry), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        fake.close();
    }

    @Test
    void aRetriedGenerationRecordsBothAttemptsAndTheRetry() {
        fake.enqueueFault(Fault.serverError(503));

        gateway.generate(Gateways.KEY, GenerateRequest.of("gpt-image-1.5", "a fox"), ProgressListener.NONE);

        assertThat(registry.get("imgen.upstream.latency").tags("operation", "generate", "outcome", "error").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("imgen.upstream.latency").tags("operation", "generate", "outcome", "success").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("imgen.upstream.retries").tag("kind", "upstream_error").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aKeyCheckIsTimedAsItsOwnOperationAndAFinalFailureIsNoRetry() {
        fake.enqueueFault(Fault.invalidApiKey());

        assertThatThrownBy(() -> gateway.listModels(Gateways.KEY)).isInstanceOfSatisfying(OpenAiException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_KEY));

        assertThat(registry.get("imgen.upstream.latency").tags("operation", "list_models", "outcome", "error").timer()
                .count()).isEqualTo(1);
        assertThat(registry.find("imgen.upstream.retries").counters()).isEmpty();
    }
}
