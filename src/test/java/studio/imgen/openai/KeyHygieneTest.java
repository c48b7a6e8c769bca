package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;

/** A canary key must never surface in anything a failure exposes (security-reliability.md §6 row 46). */
class KeyHygieneTest {

    private static final String CANARY = "sk-canary-" + UUID.randomUUID().toString().replace("-", "");

    private static FakeOpenAi fake;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenAi.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void canaryKeyNeverAppearsInFailures() {
        List<Fault> faults = List.of(Fault.invalidApiKey(), Fault.moderationBlocked(), Fault.insufficientQuota(),
                Fault.rateLimited(600), Fault.serverError(500), Fault.modelNotFound("gpt-image-1.5"),
                Fault.dropConnection(), Fault.malformedJson(), Fault.invalidBase64(), Fault.hang(),
                Fault.status(400, "invalid_request_error", "invalid_value",
                        "Invalid value for 'size' sent with key " + CANARY));
        var properties = new OpenAiProperties(fake.baseUrl(), Duration.ofMillis(300), Duration.ofSeconds(1), 1,
                Duration.ofMillis(1), Duration.ofMinutes(1));
        try (OpenAiGateway gateway = Gateways.create(properties, new RecordingSleeper())) {
            for (Fault fault : faults) {
                fake.enqueueFault(fault);
                assertClean(failure(gateway), fault.toString());
            }
        }
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.bearerToken()).isEqualTo(CANARY));
    }

    @Test
    void retryLogsCarryNoKey() {
        var appender = new ListAppender<ILoggingEvent>();
        Logger logger = (Logger) LoggerFactory.getLogger(RetryPolicy.class);
        appender.start();
        logger.addAppender(appender);
        try (OpenAiGateway gateway = Gateways.create(Gateways.properties(fake.baseUrl()), new RecordingSleeper())) {
            fake.enqueueFault(Fault.status(503, "server_error", null, "overloaded for " + CANARY));
            fake.enqueueFault(Fault.serverError(500));
            fake.enqueueFault(Fault.invalidApiKey());

            failure(gateway);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).isNotEmpty().allSatisfy(event ->
                assertThat(event.getFormattedMessage()).doesNotContain(CANARY).contains("request req_"));
    }

    @Test
    void rejectedKeyEchoedByOpenAiIsMaskedCompletely() {
        fake.acceptOnlyKeys("sk-some-other-key");
        try (OpenAiGateway gateway = Gateways.create(Gateways.properties(fake.baseUrl()), new RecordingSleeper())) {
            OpenAiException e = failure(gateway);

            assertThat(e.kind()).isEqualTo(FailureKind.INVALID_KEY);
            // OpenAI (and the fake) quote a partly masked key; the detail keeps only "sk-***".
            assertThat(e.detail()).contains("Incorrect API key provided: sk-***");
            assertClean(e, "401");
        }
    }

    @Test
    void keyCheckFailuresAreCleanToo() {
        fake.acceptOnlyKeys("sk-some-other-key");
        try (OpenAiGateway gateway = Gateways.create(Gateways.properties(fake.baseUrl()), new RecordingSleeper())) {
            OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> gateway.listModels(CANARY));
            assertClean(e, "testKey");
        }
    }

    @Test
    void redactorMasksKeyLikeTokensAndTheExactKey() {
        Redactor redactor = Redactor.forKey("plain-secret-without-prefix");

        assertThat(redactor.mask("key sk-proj-abc***wxyz. and plain-secret-without-prefix, Bearer xyz"))
                .isEqualTo("key sk-***. and sk-***, Bearer ***");
        assertThat(redactor.mask("a task-force is not a key")).isEqualTo("a task-force is not a key");
    }

    private static OpenAiException failure(OpenAiGateway gateway) {
        OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> gateway.generate(CANARY,
                GenerateRequest.of("gpt-image-1.5", "a fox"), ProgressListener.NONE));
        assertThat(e).isNotNull();
        return e;
    }

    private static void assertClean(OpenAiException e, String context) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(List.of(e.getMessage(), e.detail(), e.userMessage(), e.toString(), trace.toString(),
                String.valueOf(e.upstreamCode())))
                .as(context)
                .noneSatisfy(text -> assertThat(text).contains(CANARY))
                .noneSatisfy(text -> assertThat(text).contains(CANARY.substring(10)));
    }
}
