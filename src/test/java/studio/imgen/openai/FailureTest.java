package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;

/** One failure kind per test: final kind, user message, upstream calls and waits (security-reliability.md §4.4). */
class FailureTest {

    private static final String RATE_LIMIT = "OpenAI's rate limit for this workspace was reached; try again in ";
    private static final String FAILED = "Image generation failed or timed out. Try again.";
    private static final String NO_IMAGE =
            "No image was generated. The API may have refused the prompt or encountered an error.";

    private static FakeOpenAi fake;
    private RecordingSleeper sleeper;
    private OpenAiGateway gateway;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenAi.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        sleeper = new RecordingSleeper();
        gateway = gateway(Gateways.properties(fake.baseUrl()));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private OpenAiGateway gateway(OpenAiProperties properties) {
        if (gateway != null) {
            gateway.close();
        }
        gateway = Gateways.create(properties, sleeper);
        return gateway;
    }

    @Test
    void rateLimitWithRetryAfterIsWaitedOutThenSucceeds() {
        fake.enqueueFault(Fault.rateLimited(2));
        fake.enqueueFault(Fault.rateLimited(2));

        ImageResult result = generate();

        assertThat(result.images()).hasSize(1);
        assertThat(fake.requests()).hasSize(3);
        assertThat(sleeper.waits()).hasSize(2).allSatisfy(wait ->
                assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void retryAfterMsWinsAndLongWaitsAreNotCappedAtEightSeconds() {
        fake.enqueueFault(Fault.rateLimitedMillis(1500));
        fake.enqueueFault(Fault.rateLimited(30));

        generate();

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(30));
    }

    @Test
    void retryAfterBeyondTheDeadlineFailsAtOnceWithTheRetryTime() {
        gateway(new OpenAiProperties(fake.baseUrl(), Duration.ofSeconds(10), Duration.ofSeconds(2), 3,
                Duration.ofMillis(500), Duration.ofMinutes(1)));
        fake.enqueueFault(Fault.rateLimited(120));

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.userMessage()).isEqualTo(RATE_LIMIT + "120 s.");
        assertThat(e.refundsCooldown()).isTrue();
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retryAfterBeyondTheCapFailsAtOnceEvenWithinTheDeadline() {
        fake.enqueueFault(Fault.rateLimited(RetryPolicy.MAX_RETRY_AFTER.toSeconds() + 30));

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.userMessage()).isEqualTo(RATE_LIMIT + (RetryPolicy.MAX_RETRY_AFTER.toSeconds() + 30) + " s.");
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void rateLimitThatPersistsStopsAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            fake.enqueueFault(Fault.rateLimited(1));
        }

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.userMessage()).isEqualTo(RATE_LIMIT + "1 s.");
        assertThat(fake.requests()).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void insufficientQuotaIsNeverRetried() {
        fake.enqueueFault(Fault.insufficientQuota());

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.INSUFFICIENT_QUOTA);
        assertThat(e.userMessage())
                .isEqualTo("The workspace's OpenAI account has run out of credit. A workspace admin has been told.");
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.upstreamCode()).isEqualTo("insufficient_quota");
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedWithBackoffUpToMaxAttempts(int status) {
        for (int i = 0; i < 5; i++) {
            fake.enqueueFault(Fault.serverError(status));
        }

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.userMessage()).isEqualTo(FAILED);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.requestMayHaveBeenSent()).isFalse();
        assertThat(fake.requests()).hasSize(3);
        // The SDK's own retries are off: every attempt is its first, so attempts never multiply.
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.header("x-stainless-retry-count")).isEqualTo("0"));
        // Base 500 ms doubling; the test's jitter source returns its maximum.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 503})
    void transientFailuresThenSuccess(int status) {
        fake.enqueueFault(Fault.status(status, "server_error", null, "try again"));
        fake.enqueueFault(Fault.status(status, "server_error", null, "try again"));

        assertThat(generate().images()).hasSize(1);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void shouldRetryFalseIsHonoured() {
        fake.enqueueFault(Fault.serverError(500).withHeader("x-should-retry", "false"));

        failure(this::generate);

        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void rejectedKeyFailsOnce() {
        fake.enqueueFault(Fault.invalidApiKey());

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_KEY);
        assertThat(e.userMessage())
                .isEqualTo("The workspace's OpenAI key was rejected. Ask a workspace admin to check it.");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void permissionDeniedFailsOnce() {
        fake.enqueueFault(Fault.permissionDenied());

        assertThat(failure(this::generate).kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void moderationIsFinalAndKeepsTheCooldown() {
        fake.enqueueFault(Fault.moderationBlocked());

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.MODERATION_BLOCKED);
        assertThat(e.userMessage()).isEqualTo("Request rejected by the safety system.");
        assertThat(e.refundsCooldown()).isFalse();
        assertThat(e.upstreamCode()).isEqualTo("moderation_blocked");
        assertThat(e.detail()).contains("safety_violations=[violence]");
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void modelNotFoundFailsOnce() {
        fake.enqueueFault(Fault.modelNotFound("gpt-image-1.5"));

        assertThat(failure(this::generate).kind()).isEqualTo(FailureKind.MODEL_NOT_AVAILABLE);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void unsupportedMimetypeIsAnInvalidImage() {
        fake.enqueueFault(Fault.unsupportedMimetype("image[0]"));

        assertThat(failure(this::generate).kind()).isEqualTo(FailureKind.INVALID_IMAGE);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void hangingUpstreamTimesOutOnceAndIsNotResent() {
        gateway(new OpenAiProperties(fake.baseUrl(), Duration.ofMillis(400), Duration.ofSeconds(2), 3,
                Duration.ofMillis(10), Duration.ofMinutes(1)));
        fake.enqueueFault(Fault.hang());

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.userMessage()).isEqualTo(FAILED);
        assertThat(e.requestMayHaveBeenSent()).isTrue();
        assertThat(e.httpStatus()).isNull();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void streamThatStallsAfterPreviewsTimesOutWithoutRetry() {
        // Small previews and a roomier timeout keep this deterministic on a busy machine.
        gateway(new OpenAiProperties(fake.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1), 3,
                Duration.ofMillis(10), Duration.ofMinutes(1)));
        fake.enqueueFault(Fault.stallMidStream());
        List<Integer> partials = new CopyOnWriteArrayList<>();

        OpenAiException e = failure(() -> gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox",
                "256x256", "low", null, null, null, null, null, 2, null), new ProgressListener() {
            @Override
            public void partialImage(int index, byte[] imageBytes) {
                partials.add(index);
            }
        }));

        assertThat(partials).containsExactly(0, 1);
        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.requestMayHaveBeenSent()).isTrue();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void connectionDroppedAfterSendingIsNotResent() {
        fake.enqueueFault(Fault.dropConnection());

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(e.requestMayHaveBeenSent()).isTrue();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void streamCutOffMidwayIsNotResent() {
        fake.enqueueFault(Fault.dropMidStream());

        OpenAiException e = failure(() -> gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox",
                null, "low", null, null, null, null, null, 1, null), ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(e.requestMayHaveBeenSent()).isTrue();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void errorEventInAnImageStreamIsNotRetried() {
        fake.enqueueFault(Fault.midStreamError("server_error", "The server had an error while generating."));

        OpenAiException e = failure(() -> gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox",
                null, "low", null, null, null, null, null, 1, null), ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(e.upstreamCode()).isEqualTo("server_error");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void unreachableUpstreamIsRetriedBecauseNothingWasSent() {
        FakeOpenAi closed = FakeOpenAi.start();
        String deadUrl = closed.baseUrl();
        closed.close();
        gateway(Gateways.properties(deadUrl));
        AtomicInteger sends = new AtomicInteger();

        OpenAiException e = failure(() -> gateway.generate(Gateways.KEY, GenerateRequest.of("gpt-image-1.5", "a fox"),
                new ProgressListener() {
                    @Override
                    public void requestSending() {
                        sends.incrementAndGet();
                    }
                }));

        assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(e.requestMayHaveBeenSent()).isFalse();
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(sends).hasValue(3);
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void otherSdkFailuresAreTypedAndNotRetried() {
        UpstreamErrors.Classified classified = UpstreamErrors.classify(
                new com.openai.errors.OpenAIException("Unexpected multipart embedded value"), true,
                Redactor.forKey(Gateways.KEY), Instant.EPOCH);

        assertThat(classified.retryable()).isFalse();
        assertThat(classified.failure().kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(classified.failure().requestMayHaveBeenSent()).isTrue();
        assertThat(UpstreamErrors.classify(new IllegalStateException("bug"), false, Redactor.forKey("k"), Instant.EPOCH))
                .isNull();
    }

    @Test
    void malformedJsonIsAnInvalidResponse() {
        assertInvalidResponse(Fault.malformedJson());
    }

    @Test
    void missingDataIsAnInvalidResponse() {
        OpenAiException e = assertInvalidResponse(Fault.missingData());
        assertThat(e.userMessage()).isEqualTo(NO_IMAGE);
    }

    @Test
    void invalidBase64IsAnInvalidResponse() {
        assertInvalidResponse(Fault.invalidBase64());
    }

    @Test
    void bytesThatAreNoImageAreAnInvalidResponse() {
        assertInvalidResponse(Fault.nonImageBytes());
    }

    @Test
    void malformedStreamEventIsAnInvalidResponse() {
        fake.enqueueFault(Fault.malformedJson());

        OpenAiException e = failure(() -> gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox",
                null, "low", null, null, null, null, null, 1, null), ProgressListener.NONE));

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_RESPONSE);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void interruptedWaitEndsTheCallWithTheLastFailure() {
        gateway.close();
        gateway = new OpenAiGateway(Gateways.properties(fake.baseUrl()), duration -> {
            throw new InterruptedException("job cancelled");
        });
        fake.enqueueFault(Fault.serverError(503));

        OpenAiException e = failure(this::generate);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void keyCheckReturnsOrThrowsTyped() {
        gateway.listModels(Gateways.KEY);
        assertThat(fake.lastRequest().path()).isEqualTo(FakeOpenAi.MODELS);
        assertThat(fake.lastRequest().method()).isEqualTo("GET");

        fake.acceptOnlyKeys("sk-the-real-one");
        OpenAiException e = failure(() -> {
            gateway.listModels("sk-a-revoked-key");
            return null;
        });
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_KEY);
        assertThat(fake.requests()).hasSize(2);
    }

    private OpenAiException assertInvalidResponse(Fault fault) {
        fake.enqueueFault(fault);

        OpenAiException e = failure(this::generate);

        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_RESPONSE);
        assertThat(e.userMessage()).isEqualTo(NO_IMAGE);
        assertThat(e.requestId()).startsWith("req_");
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
        return e;
    }

    private ImageResult generate() {
        return gateway.generate(Gateways.KEY, GenerateRequest.of("gpt-image-1.5", "a fox"), ProgressListener.NONE);
    }

    private static OpenAiException failure(java.util.concurrent.Callable<?> call) {
        OpenAiException e = catchThrowableOfType(OpenAiException.class, call::call);
        assertThat(e).as("expected an OpenAiException").isNotNull();
        return e;
    }
}
