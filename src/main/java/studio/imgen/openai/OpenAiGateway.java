package studio.imgen.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import io.micrometer.core.instrument.MeterRegistry;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.models.Model;
import com.openai.models.models.ModelListPage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The app's only door to OpenAI: generate, edit, conversational turns and key checks, with typed failures
 * ({@link OpenAiException}) and one retry policy. Calls block for up to the configured deadline, so run them on a
 * worker thread, never on a UI thread.
 *
 * <p>The workspace's API key is passed per call, decrypted by the caller just before. It is never logged and never
 * put into a message; clients are cached per key under a SHA-256 of it.
 */
@Component
public class OpenAiGateway implements AutoCloseable {

    private static final int CLIENT_CACHE_SIZE = 16;
    /** Listing models answers in well under a second; an admin testing a key should not wait minutes. */
    private static final Duration KEY_CHECK_TIMEOUT = Duration.ofSeconds(20);

    private final OpenAiProperties properties;
    private final ClientCache clients;
    private final RetryPolicy retryPolicy;
    private final UpstreamMetrics metrics;

    @Autowired
    public OpenAiGateway(OpenAiProperties properties, MeterRegistry registry, Clock clock) {
        this(properties, Sleeper.SYSTEM, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble(),
                new UpstreamMetrics(registry), clock);
    }

    public OpenAiGateway(OpenAiProperties properties, Sleeper sleeper) {
        this(properties, sleeper, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: a clock that moves with the sleeper makes deadlines deterministic. */
    OpenAiGateway(OpenAiProperties properties, Sleeper sleeper, LongSupplier nanoClock, DoubleSupplier random) {
        this(properties, sleeper, nanoClock, random, UpstreamMetrics.NONE, Clock.systemUTC());
    }

    OpenAiGateway(OpenAiProperties properties, Sleeper sleeper, LongSupplier nanoClock, DoubleSupplier random,
                  UpstreamMetrics metrics, Clock clock) {
        this.properties = properties;
        this.clients = new ClientCache(CLIENT_CACHE_SIZE, this::newClient);
        this.metrics = metrics;
        this.retryPolicy = new RetryPolicy(properties, sleeper, nanoClock, random, metrics, clock);
    }

    /** {@code POST /v1/images/generations}; streamed when {@code partialImages > 0}. */
    public ImageResult generate(String apiKey, GenerateRequest request, ProgressListener listener) {
        return call("generate", apiKey, listener, (client, options, progress, redactor) ->
                ImageCalls.generate(client, request, options, progress));
    }

    /** {@code POST /v1/images/edits} (multipart); streamed when {@code partialImages > 0}. */
    public ImageResult edit(String apiKey, EditRequest request, ProgressListener listener) {
        return call("edit", apiKey, listener, (client, options, progress, redactor) ->
                ImageCalls.edit(client, request, options, progress));
    }

    /**
     * One Responses API turn with the forced {@code image_generation} tool; streamed when the tool asks for partial
     * images. An unknown {@code previousResponseId} fails with {@link FailureKind#PREVIOUS_RESPONSE_NOT_FOUND}.
     */
    public ConversationResult respond(String apiKey, ConversationRequest request, ProgressListener listener) {
        return call("respond", apiKey, listener, (client, options, progress, redactor) ->
                ConversationCalls.respond(client, request, options, progress, redactor));
    }

    /**
     * {@code GET /v1/models}: the models this key can use, with their announced shutdown dates. A cheap authenticated
     * call, so it is also the key check: it returns the list or throws the typed failure.
     */
    public List<ListedModel> listModels(String apiKey) {
        requireKey(apiKey);
        OpenAIClient client = clients.get(apiKey);
        ModelListPage page = retryPolicy.run(options -> metrics.time("list_models", () -> client.models().list(options)),
                ProgressListener.NONE, Redactor.forKey(apiKey), KEY_CHECK_TIMEOUT);
        return page.data().stream().map(m -> new ListedModel(m.id(), shutdownDate(m))).toList();
    }

    /** A date OpenAI wrote in another shape than YYYY-MM-DD is no date to act on. */
    private static LocalDate shutdownDate(Model model) {
        try {
            return model.shutdownDate().orElse(null);
        } catch (OpenAIInvalidDataException e) {
            return null;
        }
    }

    @Override
    public void close() {
        clients.close();
    }

    private <T> T call(String operation, String apiKey, ProgressListener listener, SdkCall<T> sdkCall) {
        requireKey(apiKey);
        OpenAIClient client = clients.get(apiKey);
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Redactor redactor = Redactor.forKey(apiKey);
        return retryPolicy.run(options -> metrics.time(operation, () -> sdkCall.run(client, options, progress, redactor)),
                progress, redactor);
    }

    private static void requireKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an OpenAI API key is required");
        }
    }

    private OpenAIClient newClient(String apiKey) {
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(properties.baseUrl())
                // RetryPolicy is the only retry layer.
                .maxRetries(0)
                .timeout(Timeout.builder()
                        .connect(properties.connectTimeout())
                        .read(properties.timeout())
                        .write(properties.timeout())
                        .request(properties.timeout())
                        .build())
                .addInterceptor(new SendTracker())
                .addInterceptor(new ResponseCap(ResponseCap.MAX_BYTES))
                .build();
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run(OpenAIClient client, RequestOptions options, ProgressListener progress, Redactor redactor)
                throws Exception;
    }
}
