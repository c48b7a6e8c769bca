package studio.imgen.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import studio.imgen.access.AccessRefusedException;
import studio.imgen.access.Refusal;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.OptionValue;
import studio.imgen.generate.GeneratedImageView;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs an API call through the same pipeline as the Generate view: the generation service checks and admits it and
 * queues the durable job, the normal runner does the work, and this (on the request's virtual thread, holding no
 * database connection) waits for the job's events, streaming partial images when asked, then answers with the stored
 * results in OpenAI's {@code ImagesResponse} shape. A refusal is answered in OpenAI's error shape with our sentence.
 */
@Component
class ImageCallRunner {

    private static final Set<Refusal.Reason> WAITS = Set.of(Refusal.Reason.COOLDOWN, Refusal.Reason.DAILY_QUOTA,
            Refusal.Reason.MONTHLY_QUOTA, Refusal.Reason.MONTHLY_BUDGET);
    private static final Set<Refusal.Reason> INVALID = Set.of(Refusal.Reason.INVALID_MODEL, Refusal.Reason.INVALID_SIZE,
            Refusal.Reason.INVALID_QUALITY, Refusal.Reason.SIZE_NOT_SUPPORTED, Refusal.Reason.QUALITY_NOT_SUPPORTED);

    private final GenerationService generations;
    private final ImageStore store;
    private final ObjectMapper json;
    private final ApiProperties properties;
    private final Clock clock;

    ImageCallRunner(GenerationService generations, ImageStore store, ObjectMapper json,
                    ApiProperties properties, Clock clock) {
        this.clock = clock;
        this.generations = generations;
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    void run(ImageCall call, HttpServletResponse response) throws IOException {
        UUID id = submit(call);
        BlockingQueue<GenerationEvent> events = new LinkedBlockingQueue<>();
        Runnable unsubscribe = generations.watch(id, events::add);
        try {
            // The job may have ended before the subscription: its Finished event is gone, its row is not.
            GenerationDetails now = generations.find(id).orElseThrow();
            if (now.status().finished()) {
                events.add(new GenerationEvent.Finished(id, now.status()));
            }
            if (call.stream()) {
                stream(call, id, events, response);
            } else {
                answer(id, events, response);
            }
        } finally {
            unsubscribe.run();
        }
    }

    private UUID submit(ImageCall call) {
        try {
            GenerationRequest request = GenerationRequest.of(call.prompt(), call.options())
                    .withReferences(call.images()).withMask(call.mask());
            return generations.submit(request);
        } catch (AccessRefusedException refused) {
            throw failureFor(refused.refusal());
        } catch (UserInputException refused) {
            throw failureFor(refused.getMessage());
        }
    }

    ApiFailure failureFor(Refusal refusal) {
        if (WAITS.contains(refusal.reason())) {
            Duration wait = refusal.retryAt().map(at -> Duration.between(clock.instant(), at))
                    .orElse(Duration.ofSeconds(1));
            return ApiFailure.rateLimited(refusal.reason().name().toLowerCase(Locale.ROOT), refusal.message(),
                    wait.isNegative() ? Duration.ofSeconds(1) : wait, refusal.reason() == Refusal.Reason.COOLDOWN);
        }
        if (INVALID.contains(refusal.reason())) {
            return ApiFailure.invalid(param(refusal.reason()), refusal.reason().name().toLowerCase(Locale.ROOT),
                    refusal.message());
        }
        return ApiFailure.forbidden(refusal.reason().name().toLowerCase(Locale.ROOT), param(refusal.reason()),
                refusal.message());
    }

    private static ApiFailure failureFor(String message) {
        if (message.startsWith("Busy:")) {
            return ApiFailure.rateLimited("busy", message, Duration.ofSeconds(5), true);
        }
        if (message.equals(GenerationService.NO_KEY)) {
            return ApiFailure.upstream(503, "no_openai_key", message);
        }
        return ApiFailure.invalid(null, message);
    }

    private static String param(Refusal.Reason reason) {
        String name = reason.name();
        if (name.contains("MODEL")) {
            return "model";
        }
        if (name.contains("SIZE")) {
            return "size";
        }
        return name.contains("QUALIT") ? "quality" : null;
    }

    private void answer(UUID id, BlockingQueue<GenerationEvent> events, HttpServletResponse response)
            throws IOException {
        GenerationDetails done = awaitFinished(id, events, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", done.createdAt().getEpochSecond());
        List<Map<String, Object>> data = new ArrayList<>();
        for (GeneratedImageView image : done.images()) {
            data.add(Map.of("b64_json", base64(done, image)));
        }
        body.put("data", data);
        describe(done, body);
        body.put("usage", usage(done));
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private void stream(ImageCall call, UUID id, BlockingQueue<GenerationEvent> events, HttpServletResponse response)
            throws IOException {
        response.setStatus(200);
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        OutputStream out = response.getOutputStream();
        out.flush();
        GenerationDetails done;
        try {
            done = awaitFinished(id, events, preview -> {
                if (preview.index() < call.partialImages()) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", call.eventPrefix() + ".partial_image");
                    event.put("b64_json", Base64.getEncoder().encodeToString(preview.jpeg()));
                    event.put("created_at", clock.instant().getEpochSecond());
                    event.put("size", "auto");
                    event.put("quality", "auto");
                    event.put("background", "auto");
                    // Previews are the runner's small JPEG renderings of OpenAI's partial images.
                    event.put("output_format", "jpeg");
                    event.put("partial_image_index", preview.index());
                    send(out, call.eventPrefix() + ".partial_image", event);
                }
            });
        } catch (ApiFailure failure) {
            send(out, "error", ApiErrorWriter.body(failure));
            return;
        }
        for (GeneratedImageView image : done.images()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", call.eventPrefix() + ".completed");
            event.put("b64_json", base64(done, image));
            event.put("created_at", done.finishedAt() == null ? done.createdAt().getEpochSecond()
                    : done.finishedAt().getEpochSecond());
            event.put("size", image.width() + "x" + image.height());
            event.put("quality", orAuto(done.options().quality()));
            event.put("background", orAuto(OptionValue.wireOf(done.options().background())));
            event.put("output_format", done.options().outputFormat().wireValue());
            event.put("usage", usage(done));
            send(out, call.eventPrefix() + ".completed", event);
        }
    }

    @FunctionalInterface
    private interface PreviewSink {
        void accept(GenerationEvent.Preview preview) throws IOException;
    }

    /** Waits for the job to end; a failure, cancellation or time-out becomes the {@link ApiFailure} to answer. */
    private GenerationDetails awaitFinished(UUID id, BlockingQueue<GenerationEvent> events, PreviewSink previews)
            throws IOException {
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (true) {
            GenerationEvent event;
            try {
                event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiFailure.upstream(503, "interrupted", "ImGen Studio is shutting down. The image will still "
                        + "appear in your gallery if it finishes; otherwise try again in a minute.");
            }
            if (event == null) {
                throw ApiFailure.upstream(504, "timeout", "The image is taking longer than "
                        + properties.maxWait().toMinutes() + " minutes. It will appear in your gallery when it is "
                        + "ready.");
            }
            if (event instanceof GenerationEvent.Preview preview && previews != null) {
                previews.accept(preview);
            } else if (event instanceof GenerationEvent.Finished) {
                GenerationDetails done = generations.find(id).orElseThrow();
                if (done.status() == GenerationStatus.SUCCEEDED) {
                    return done;
                }
                throw failureOf(done);
            }
        }
    }

    private static ApiFailure failureOf(GenerationDetails done) {
        return switch (done.status()) {
            case CANCELLED -> ApiFailure.upstream(409, "cancelled", "The generation was cancelled before it finished.");
            case INTERRUPTED -> ApiFailure.upstream(503, "interrupted", "ImGen Studio restarted while the image was "
                    + "being made. Try again.");
            default -> ApiFailure.upstream(502, "generation_failed", done.errorMessage() == null
                    ? "The generation failed. Try again, or ask a workspace admin to look at the audit log."
                    : done.errorMessage());
        };
    }

    private String base64(GenerationDetails done, GeneratedImageView image) throws IOException {
        StorageKey key = StorageKey.original(done.workspaceId(), image.id(),
                ImageFormat.valueOf(image.format().toUpperCase(Locale.ROOT)));
        try (InputStream in = store.open(key)) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        }
    }

    private static void describe(GenerationDetails done, Map<String, Object> body) {
        Background background = done.options().background();
        if (background == Background.TRANSPARENT || background == Background.OPAQUE) {
            body.put("background", background.wireValue());
        }
        body.put("output_format", done.options().outputFormat().wireValue());
        if (!done.images().isEmpty()) {
            GeneratedImageView first = done.images().get(0);
            body.put("size", first.width() + "x" + first.height());
        }
        if (Set.of("low", "medium", "high").contains(done.options().quality())) {
            body.put("quality", done.options().quality());
        }
    }

    private static String orAuto(String value) {
        return value == null ? "auto" : value;
    }

    private static Map<String, Object> usage(GenerationDetails done) {
        long text = value(done.textInputTokens());
        long image = value(done.imageInputTokens());
        long output = value(done.imageOutputTokens());
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("total_tokens", text + image + output);
        usage.put("input_tokens", text + image);
        usage.put("output_tokens", output);
        usage.put("input_tokens_details", Map.of("text_tokens", text, "image_tokens", image));
        return usage;
    }

    private static long value(Long tokens) {
        return tokens == null ? 0 : tokens;
    }

    private void send(OutputStream out, String event, Object data) throws IOException {
        String frame = "event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
