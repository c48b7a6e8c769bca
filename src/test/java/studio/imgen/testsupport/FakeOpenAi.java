package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process fake of the OpenAI API for tests and offline UI runs (openai-images.md §13): images generations and
 * edits (JSON/multipart, plain or SSE), Responses API with the image tool and stored responses, and the model list.
 * It checks requests the way OpenAI does and answers with OpenAI's error bodies, real images and realistic usage.
 *
 * <p>Start one per test class (or share one and {@link #reset()} between tests); it binds 127.0.0.1 on a free port.
 * Point the SDK at {@link #baseUrl()}. Thread-safe: concurrent requests are served on their own threads.
 *
 * <p>Auth: {@code Authorization: Bearer <key>}; by default any non-empty key starting with {@code sk-} is accepted,
 * {@link #acceptOnlyKeys(String...)} restricts that. Models in the retired set ({@code gpt-image-1},
 * {@code dall-e-2}, {@code dall-e-3} by default) answer {@code 404 model_not_found}.
 */
public final class FakeOpenAi implements AutoCloseable {

    public static final String GENERATIONS = "/v1/images/generations";
    public static final String EDITS = "/v1/images/edits";
    public static final String RESPONSES = "/v1/responses";
    public static final String MODELS = "/v1/models";
    private static final Set<String> DEFAULT_RETIRED = Set.of("gpt-image-1", "dall-e-2", "dall-e-3");

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Object arrivals = new Object();
    private final LinkedList<Fault> faults = new LinkedList<>();
    private final Set<String> retiredModels = ConcurrentHashMap.newKeySet();
    private final FakeModelCatalog modelList = new FakeModelCatalog();
    private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
    private final FakeImages images = new FakeImages();
    private final ImagesEndpoint imagesEndpoint = new ImagesEndpoint(retiredModels::contains);
    private final ResponsesEndpoint responsesEndpoint = new ResponsesEndpoint(retiredModels::contains);
    private volatile Duration latencyMin = Duration.ZERO;
    private volatile Duration latencyMax = Duration.ZERO;
    private volatile Duration eventDelay = Duration.ZERO;
    /** Set by {@link #holdFinalImages()}: streams wait on it before their final image. */
    private volatile CountDownLatch finalHold;
    /** Counted down by reset/close: releases hanging and stalled requests, and cuts latency short. */
    private volatile CountDownLatch release = new CountDownLatch(1);

    private FakeOpenAi() throws IOException {
        retiredModels.addAll(DEFAULT_RETIRED);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-openai-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OpenAI server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/v1}, as the SDK's base URL expects. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- Configuration ------------------------------------------------------------------------------------------

    /** Accept only these keys (instead of any {@code sk-...}). */
    public void acceptOnlyKeys(String... keys) {
        acceptedKeys.clear();
        acceptedKeys.addAll(List.of(keys));
    }

    /** Requests naming this model (top level or tool) answer {@code 404 model_not_found}. */
    public void retireModel(String id) {
        retiredModels.add(id);
    }

    /** {@code GET /v1/models} lists this model, with the shutdown date ({@code YYYY-MM-DD}) or none (null). */
    public void listModel(String id, String shutdownDate) {
        modelList.list(id, shutdownDate);
    }

    /** {@code GET /v1/models} no longer lists this model (requests naming it still work unless it is retired). */
    public void unlistModel(String id) {
        modelList.unlist(id);
    }

    /** Queue a fault for the next matching request. */
    public void enqueueFault(Fault fault) {
        synchronized (faults) {
            faults.add(fault);
        }
    }

    /** Delay before every answer. */
    public void setLatency(Duration latency) {
        setLatency(latency, latency);
    }

    /** Random delay in {@code [min, max]} before every answer. */
    public void setLatency(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max latency below min");
        }
        latencyMin = min;
        latencyMax = max;
    }

    /** Delay between SSE events. */
    public void setStreamEventDelay(Duration delay) {
        eventDelay = delay;
    }

    /**
     * Streamed answers send their previews, then wait before the final image until {@link #releaseFinalImages()} (or
     * a reset): a test sees every preview handled before any result exists, without guessing a delay.
     */
    public void holdFinalImages() {
        finalHold = new CountDownLatch(1);
    }

    public void releaseFinalImages() {
        CountDownLatch hold = finalHold;
        finalHold = null;
        if (hold != null) {
            hold.countDown();
        }
    }

    /**
     * Answers with images encoded once and reused (a few colours per size and format) instead of rendering each one:
     * for benchmarks, so the fake's encoding CPU is not charged to the app sharing its JVM. Cleared by {@link #reset()}.
     */
    public void reuseEncodedImages() {
        images.reuseEncoded(true);
    }

    /** Status for an unknown {@code previous_response_id}: 404 (default) or 400, both seen upstream. */
    public void setUnknownPreviousResponseStatus(int status) {
        responsesEndpoint.unknownPreviousStatus(status);
    }

    /** Simulates expired stored responses: later {@code previous_response_id}s to them fail. */
    public void forgetStoredResponses() {
        responsesEndpoint.forgetStored();
    }

    /** Back to defaults: no requests, faults, latency, stored responses; default keys and retired models. */
    public void reset() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
        releaseFinalImages();
        requests.clear();
        synchronized (faults) {
            faults.clear();
        }
        retiredModels.clear();
        retiredModels.addAll(DEFAULT_RETIRED);
        modelList.reset();
        acceptedKeys.clear();
        latencyMin = Duration.ZERO;
        latencyMax = Duration.ZERO;
        eventDelay = Duration.ZERO;
        images.reuseEncoded(false);
        responsesEndpoint.reset();
    }

    @Override
    public void close() {
        release.countDown();
        releaseFinalImages();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- Inspection ---------------------------------------------------------------------------------------------

    /** Platform threads the fake's server runs now (a benchmark does not count them as the app's). */
    public int serverThreads() {
        return ((java.util.concurrent.ThreadPoolExecutor) executor).getPoolSize();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return all.get(all.size() - 1);
    }

    /**
     * Blocks until at least {@code count} requests arrived since start or the last reset (for requests left hanging
     * by a fault). Returns false on timeout.
     */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (requests.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
        }
        return true;
    }

    /** The {@code previous_response_id} of every Responses API call, in order (null where none was sent). */
    public List<String> previousResponseIds() {
        return responsesEndpoint.previousResponseIds();
    }

    // ---- Serving ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        CountDownLatch released = release;
        CountDownLatch held = finalHold;
        RecordedRequest request = record(exchange);
        Fault fault = null;
        Reply reply = null;
        try {
            authorize(request);
            requireKnownPath(request);
            // Claimed before the request becomes visible, so a test that saw it arrive knows its fault is taken.
            fault = nextFault(request);
        } catch (ApiError error) {
            reply = new Reply.JsonReply(error.status, error.body);
        }
        synchronized (arrivals) {
            requests.add(request);
            arrivals.notifyAll();
        }
        ReplyWriter.awaitQuietly(released, latency());
        if (reply == null) {
            try {
                reply = fault != null && isImmediate(fault) ? immediate(fault, released) : serve(request, fault);
            } catch (ApiError error) {
                reply = new Reply.JsonReply(error.status, error.body);
            }
        }
        ReplyWriter.write(exchange, reply, fault, released, eventDelay, held);
    }

    private Reply serve(RecordedRequest request, Fault fault) {
        Payloads payloads = new Payloads(images, fault == null ? null : fault.mode);
        return switch (request.path()) {
            case GENERATIONS -> imagesEndpoint.generate(request, payloads);
            case EDITS -> imagesEndpoint.edit(request, payloads);
            case RESPONSES -> responsesEndpoint.create(request, payloads);
            case MODELS -> new Reply.JsonReply(200, modelList.body(retiredModels::contains));
            default -> throw ApiError.unknownUrl(request.method(), request.path());
        };
    }

    private static void requireKnownPath(RecordedRequest request) {
        boolean known = switch (request.path()) {
            case GENERATIONS, EDITS, RESPONSES -> request.method().equals("POST");
            case MODELS -> request.method().equals("GET");
            default -> false;
        };
        if (!known) {
            throw ApiError.unknownUrl(request.method(), request.path());
        }
    }

    private void authorize(RecordedRequest request) {
        String key = request.bearerToken();
        if (key == null || key.isEmpty()) {
            throw ApiError.missingApiKey();
        }
        boolean accepted = acceptedKeys.isEmpty() ? key.startsWith("sk-") : acceptedKeys.contains(key);
        if (!accepted) {
            throw ApiError.invalidApiKey(key);
        }
    }

    private Fault nextFault(RecordedRequest request) {
        synchronized (faults) {
            for (Iterator<Fault> queued = faults.iterator(); queued.hasNext(); ) {
                Fault fault = queued.next();
                if (fault.matches(request.path(), request.streaming())) {
                    queued.remove();
                    return fault;
                }
            }
        }
        return Fault.forPrompt(promptOf(request))
                .filter(fault -> fault.matches(request.path(), request.streaming()))
                .orElse(null);
    }

    private static boolean isImmediate(Fault fault) {
        return fault.mode == Fault.Mode.STATUS || fault.mode == Fault.Mode.DROP_CONNECTION
                || fault.mode == Fault.Mode.HANG || fault.mode == Fault.Mode.HUGE_BODY;
    }

    private static Reply immediate(Fault fault, CountDownLatch released) {
        if (fault.mode == Fault.Mode.HUGE_BODY) {
            return new Reply.RawReply(200, "", Map.of());
        }
        if (fault.mode == Fault.Mode.STATUS) {
            return new Reply.RawReply(fault.status, fault.body, fault.headers);
        }
        if (fault.mode == Fault.Mode.HANG) {
            ReplyWriter.awaitQuietly(released, null);
        }
        throw new ReplyWriter.Dropped();
    }

    private static String promptOf(RecordedRequest request) {
        JsonNode json = request.json();
        if (json != null) {
            if (json.path("prompt").isTextual()) {
                return json.get("prompt").asText();
            }
            if (json.path("input").isTextual()) {
                return json.get("input").asText();
            }
            return String.join(" ", json.findValuesAsText("text"));
        }
        return request.partText("prompt");
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String contentType = exchange.getRequestHeaders().getFirst("content-type");
        JsonNode json = null;
        List<MultipartPart> parts = List.of();
        if (MultipartParser.isMultipart(contentType)) {
            try {
                parts = MultipartParser.parse(contentType, body);
            } catch (IllegalArgumentException malformed) {
                parts = List.of();
            }
        } else if (body.length > 0) {
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException notJson) {
                json = null;
            }
        }
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(headers), body, json, parts, Instant.now());
    }

    private Duration latency() {
        Duration min = latencyMin;
        Duration max = latencyMax;
        if (max.isZero()) {
            return Duration.ZERO;
        }
        long spread = max.toNanos() - min.toNanos();
        return min.plusNanos(spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
    }
}
