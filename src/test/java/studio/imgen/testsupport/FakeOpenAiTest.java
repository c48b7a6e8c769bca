package studio.imgen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.images.ImageEditParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake must behave like OpenAI, since every later test trusts it. Checked over plain HTTP and with the SDK. */
class FakeOpenAiTest {

    private static final String KEY = "sk-test-fake";
    private static FakeOpenAi fake;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        fake = FakeOpenAi.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void baseUrlIsLoopbackWithV1() {
        assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/v1");
    }

    @Test
    void unknownPathIsAnOpenAiStyle404() throws Exception {
        HttpResponse<String> response = post("/v1/images/variations-of-nothing", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertError(response, "invalid_request_error", "unknown_url", null);
    }

    @Test
    void keysAreChecked() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri(FakeOpenAi.MODELS)).GET().build());
        assertThat(none.statusCode()).isEqualTo(401);

        HttpResponse<String> notAnOpenAiKey = send(HttpRequest.newBuilder(uri(FakeOpenAi.MODELS))
                .header("Authorization", "Bearer hello").GET().build());
        assertThat(notAnOpenAiKey.statusCode()).isEqualTo(401);
        assertError(notAnOpenAiKey, "invalid_request_error", "invalid_api_key", null);

        fake.acceptOnlyKeys("sk-only-this");
        assertThat(get(FakeOpenAi.MODELS).statusCode()).isEqualTo(401);
        assertThat(json(notAnOpenAiKey).at("/error/message").asText()).doesNotContain("hello");
        assertThat(fake.requests()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"model\":\"gpt-image-1.5\"}|missing_required_parameter|prompt",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"n\":0}|integer_below_min_value|n",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"n\":11}|integer_above_max_value|n",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"partial_images\":4}|integer_above_max_value|partial_images",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"output_compression\":101}|integer_above_max_value|output_compression",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"background\":\"transparent\",\"output_format\":\"jpeg\"}|invalid_value|background",
            "{\"model\":\"gpt-image-2\",\"prompt\":\"a\",\"background\":\"transparent\"}|invalid_value|background",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"size\":\"1000x1000\"}|invalid_value|size",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"quality\":\"ultra\"}|invalid_value|quality",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"output_format\":\"gif89\"}|invalid_value|output_format",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"moderation\":\"off\"}|invalid_value|moderation",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"response_format\":\"b64_json\"}|invalid_value|response_format",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"colour\":\"red\"}|unknown_parameter|colour",
            "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"n\":\"2\"}|invalid_type|n",
    })
    void invalidGenerationsGetOpenAisErrorBodies(String body, String code, String param) throws Exception {
        HttpResponse<String> response = post(FakeOpenAi.GENERATIONS, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response, "invalid_request_error", code, param);
    }

    @Test
    void promptLongerThan32000CharactersIsRejected() throws Exception {
        String prompt = "x".repeat(32_001);

        HttpResponse<String> response = post(FakeOpenAi.GENERATIONS,
                "{\"model\":\"gpt-image-1.5\",\"prompt\":\"" + prompt + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response, "invalid_request_error", "string_above_max_length", "prompt");
        assertThat(post(FakeOpenAi.GENERATIONS, "{\"model\":\"gpt-image-1.5\",\"prompt\":\"" + "x".repeat(32_000)
                + "\",\"size\":\"256x256\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void retiredModelsAreNotFound() throws Exception {
        assertThat(post(FakeOpenAi.GENERATIONS, "{\"model\":\"gpt-image-1\",\"prompt\":\"a\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> noModel = post(FakeOpenAi.GENERATIONS, "{\"prompt\":\"a\"}");
        assertThat(noModel.statusCode()).isEqualTo(404);
        assertError(noModel, "invalid_request_error", "model_not_found", null);

        fake.retireModel("gpt-image-1.5");
        assertThat(post(FakeOpenAi.GENERATIONS, "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\"}").statusCode())
                .isEqualTo(404);
        fake.reset();
        assertThat(post(FakeOpenAi.GENERATIONS, "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"size\":\"256x256\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void generationsAnswerLikeOpenAi() throws Exception {
        HttpResponse<String> response = post(FakeOpenAi.GENERATIONS,
                "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a red fox\",\"n\":3,\"quality\":\"low\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("req_"));
        assertThat(response.headers().firstValue("openai-processing-ms")).isPresent();
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).isPresent();
        JsonNode body = json(response);
        assertThat(body.get("created").asLong()).isPositive();
        assertThat(body.get("size").asText()).isEqualTo("1024x1024");
        assertThat(body.get("quality").asText()).isEqualTo("low");
        assertThat(body.get("background").asText()).isEqualTo("opaque");
        assertThat(body.get("output_format").asText()).isEqualTo("png");
        List<Integer> colours = new ArrayList<>();
        body.get("data").forEach(item -> {
            byte[] png = Base64.getDecoder().decode(item.get("b64_json").asText());
            assertThat(TestImages.size(png)).isEqualTo("1024x1024");
            colours.add(TestImages.colour(png));
        });
        assertThat(colours).hasSize(3).doesNotHaveDuplicates();
        JsonNode usage = body.get("usage");
        assertThat(usage.get("output_tokens").asInt()).isEqualTo(3 * 272);
        assertThat(usage.at("/output_tokens_details/image_tokens").asInt()).isEqualTo(3 * 272);
        assertThat(usage.at("/input_tokens_details/text_tokens").asInt()).isEqualTo(3);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(3 * 272 + 3);
    }

    @Test
    void reusedImagesAreEncodedOnceAndCycleThroughDistinctColours() throws Exception {
        fake.reuseEncodedImages();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i <= FakeImages.PRE_ENCODED_VARIANTS; i++) {
            payloads.add(json(post(FakeOpenAi.GENERATIONS, smallGeneration())).at("/data/0/b64_json").asText());
        }

        List<String> firstRound = payloads.subList(0, FakeImages.PRE_ENCODED_VARIANTS);
        assertThat(firstRound).doesNotHaveDuplicates();
        assertThat(payloads.get(FakeImages.PRE_ENCODED_VARIANTS)).isEqualTo(payloads.get(0));
        byte[] png = Base64.getDecoder().decode(payloads.get(0));
        assertThat(TestImages.size(png)).isEqualTo("256x256");

        fake.reset();
        String rendered = json(post(FakeOpenAi.GENERATIONS, smallGeneration())).at("/data/0/b64_json").asText();
        assertThat(firstRound).doesNotContain(rendered);
    }

    @Test
    void jpegIsRealJpegAndWebpIsServedAsPng() throws Exception {
        JsonNode jpeg = json(post(FakeOpenAi.GENERATIONS,
                "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"size\":\"256x256\",\"output_format\":\"jpeg\"}"));
        JsonNode webp = json(post(FakeOpenAi.GENERATIONS,
                "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"size\":\"256x256\",\"output_format\":\"webp\"}"));

        byte[] jpegBytes = Base64.getDecoder().decode(jpeg.at("/data/0/b64_json").asText());
        byte[] webpBytes = Base64.getDecoder().decode(webp.at("/data/0/b64_json").asText());
        assertThat(jpegBytes).startsWith(0xff, 0xd8, 0xff);
        assertThat(webpBytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(webp.get("output_format").asText()).isEqualTo("webp");
    }

    @Test
    void imageStreamIsFramedEventByEvent() throws Exception {
        HttpResponse<String> response = post(FakeOpenAi.GENERATIONS, "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\","
                + "\"size\":\"256x256\",\"quality\":\"low\",\"stream\":true,\"partial_images\":2}");

        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        List<JsonNode> events = events(response.body());
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "image_generation.partial_image", "image_generation.partial_image", "image_generation.completed");
        assertThat(events.get(1).get("partial_image_index").asInt()).isEqualTo(1);
        assertThat(events.get(2).at("/usage/input_tokens_details/text_tokens").asInt()).isEqualTo(1);
        assertThat(events.get(2).get("b64_json").asText()).isNotEmpty();
    }

    @Test
    void responsesStreamFollowsTheDocumentedEventOrder() throws Exception {
        HttpResponse<String> response = post(FakeOpenAi.RESPONSES, "{\"model\":\"gpt-5.4-mini\",\"stream\":true,"
                + "\"input\":\"draw a cat\",\"tools\":[{\"type\":\"image_generation\",\"model\":\"gpt-image-1.5\","
                + "\"size\":\"1024x1024\",\"quality\":\"low\",\"partial_images\":1}]}");

        List<JsonNode> events = events(response.body());
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "response.created", "response.in_progress", "response.output_item.added",
                "response.image_generation_call.in_progress", "response.image_generation_call.generating",
                "response.image_generation_call.partial_image", "response.image_generation_call.completed",
                "response.output_item.done", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
        assertThat(events).extracting(e -> e.get("sequence_number").asInt())
                .containsExactlyElementsOf(IntStream.range(0, events.size()).boxed().toList());
        assertThat(events.get(5).get("partial_image_b64").asText()).isNotEmpty();
        JsonNode completed = events.get(events.size() - 1).get("response");
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/0/type").asText()).isEqualTo("image_generation_call");
        assertThat(completed.at("/output/0/result").asText()).isNotEmpty();
        assertThat(completed.at("/tool_usage/image_gen/output_tokens").asInt()).isEqualTo(272 + 100);
        assertThat(completed.at("/usage/input_tokens").asInt()).isPositive();
    }

    @Test
    void unknownPreviousResponseGetsTheRealErrorBody() throws Exception {
        HttpResponse<String> response = post(FakeOpenAi.RESPONSES, "{\"model\":\"gpt-5.4-mini\",\"input\":\"x\","
                + "\"previous_response_id\":\"resp_nope\",\"tools\":[{\"type\":\"image_generation\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertError(response, "invalid_request_error", "previous_response_not_found", "previous_response_id");
        assertThat(fake.previousResponseIds()).containsExactly("resp_nope");
    }

    @Test
    void unstoredResponsesCannotBeContinued() throws Exception {
        JsonNode first = json(post(FakeOpenAi.RESPONSES, "{\"model\":\"gpt-5.4-mini\",\"input\":\"x\",\"store\":false,"
                + "\"tools\":[{\"type\":\"image_generation\",\"size\":\"1024x1024\",\"quality\":\"low\"}]}"));

        HttpResponse<String> second = post(FakeOpenAi.RESPONSES, "{\"model\":\"gpt-5.4-mini\",\"input\":\"y\","
                + "\"previous_response_id\":\"" + first.get("id").asText() + "\"}");

        assertThat(second.statusCode()).isEqualTo(404);
    }

    @Test
    void modelListCarriesShutdownDatesAndOmitsRetiredModels() throws Exception {
        JsonNode models = json(get(FakeOpenAi.MODELS));

        assertThat(models.get("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        models.get("data").forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains("gpt-image-1.5", "gpt-image-2").doesNotContain("gpt-image-1");
        models.get("data").forEach(m -> {
            if (m.get("id").asText().equals("gpt-image-1.5")) {
                assertThat(m.get("shutdown_date").asText()).isEqualTo("2026-12-01");
            }
        });
    }

    @Test
    void sdkDefaultMultipartIsRejectedLikeUpstream() {
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey(KEY).baseUrl(fake.baseUrl()).maxRetries(0).build();
        try {
            assertThatThrownBy(() -> client.images().edit(ImageEditParams.builder().model("gpt-image-1.5")
                    .prompt("edit").image(TestImages.png(8, 8, 0)).build()))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.code()).hasValue("unsupported_file_mimetype");
                        assertThat(e.param()).hasValue("image");
                    });
        } finally {
            client.close();
        }
        MultipartPart part = fake.lastRequest().part("image").orElseThrow();
        assertThat(part.contentType()).isEqualTo("application/octet-stream");
        assertThat(part.filename()).isNull();
    }

    @Test
    void multipartEditsAreCheckedPartByPart() throws Exception {
        byte[] image = TestImages.png(32, 32, 0x00ff00);
        var valid = new Multipart().file("image[]", "a.png", "image/png", image)
                .text("model", "gpt-image-1.5").text("prompt", "hat").text("size", "auto");
        assertThat(postMultipart(valid).statusCode()).isEqualTo(200);

        var moderation = new Multipart().file("image[]", "a.png", "image/png", image)
                .text("prompt", "hat").text("moderation", "low");
        HttpResponse<String> rejected = postMultipart(moderation);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertError(rejected, "invalid_request_error", "unknown_parameter", "moderation");

        var secondIsOctetStream = new Multipart().file("image[]", "a.png", "image/png", image)
                .file("image[]", "b.png", "application/octet-stream", image).text("prompt", "hat");
        assertError(postMultipart(secondIsOctetStream), "invalid_request_error", "unsupported_file_mimetype",
                "image[1]");

        var opaqueMask = new Multipart().file("image[]", "a.png", "image/png", image)
                .file("mask", "m.png", "image/png", TestImages.png(32, 32, 0)).text("prompt", "hat");
        assertError(postMultipart(opaqueMask), "invalid_request_error", "invalid_value", "mask");

        var fourMegabyteMask = new Multipart().file("image[]", "a.png", "image/png", image)
                .file("mask", "m.png", "image/png", new byte[4_000_000]).text("prompt", "hat");
        assertError(postMultipart(fourMegabyteMask), "invalid_request_error", "invalid_value", "mask");
        var justUnderFourMegabytes = new Multipart().file("image[]", "a.png", "image/png", image)
                .file("mask", "m.png", "image/png", new byte[3_999_999]).text("prompt", "hat");
        assertError(postMultipart(justUnderFourMegabytes), "invalid_request_error", "invalid_image_format", "mask");

        var noImage = new Multipart().text("prompt", "hat");
        assertError(postMultipart(noImage), "invalid_request_error", "missing_required_parameter", "image");

        var seventeen = new Multipart().text("prompt", "hat");
        for (int i = 0; i < 17; i++) {
            seventeen.file("image[]", "a.png", "image/png", image);
        }
        assertError(postMultipart(seventeen), "invalid_request_error", "invalid_value", "image");
    }

    @Test
    void faultsAreUsedOnceAndCanTargetOnePath() throws Exception {
        fake.enqueueFault(Fault.serverError(500).onlyFor(FakeOpenAi.EDITS));
        fake.enqueueFault(Fault.rateLimited(3));
        fake.enqueueFault(Fault.midStreamError("server_error", "boom"));

        HttpResponse<String> limited = post(FakeOpenAi.GENERATIONS, smallGeneration());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("3");
        assertThat(limited.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        // The stream fault waits for a streaming request; the edits fault for an edit.
        assertThat(post(FakeOpenAi.GENERATIONS, smallGeneration()).statusCode()).isEqualTo(200);
        assertThat(post(FakeOpenAi.GENERATIONS, smallGeneration().replace("}", ",\"stream\":true}")).body())
                .contains("event: error");
        var edit = new Multipart().file("image[]", "a.png", "image/png", TestImages.png(8, 8, 0))
                .text("prompt", "hat");
        assertThat(postMultipart(edit).statusCode()).isEqualTo(500);
        assertThat(postMultipart(edit).statusCode()).isEqualTo(200);
    }

    @Test
    void promptKeywordsTriggerFaultsForManualRuns() throws Exception {
        HttpResponse<String> response = post(FakeOpenAi.GENERATIONS,
                "{\"model\":\"gpt-image-1.5\",\"prompt\":\"[fail:moderation] a fox\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response, "image_generation_user_error", "moderation_blocked", null);
        assertThat(json(response).at("/error/moderation_details/moderation_stage").asText()).isEqualTo("input");
    }

    @Test
    void resetReleasesHangingRequests() throws Exception {
        fake.enqueueFault(Fault.hang());
        CompletableFuture<HttpResponse<String>> hanging = http.sendAsync(request(FakeOpenAi.GENERATIONS,
                smallGeneration()), HttpResponse.BodyHandlers.ofString());

        assertThat(fake.awaitRequests(1, Duration.ofSeconds(5))).isTrue();
        assertThat(hanging).isNotDone();
        fake.reset();

        assertThatThrownBy(() -> hanging.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void latencyDelaysAnswers() throws Exception {
        fake.setLatency(Duration.ofMillis(150));
        long start = System.nanoTime();

        post(FakeOpenAi.GENERATIONS, smallGeneration());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void streamEventsCanBeSpacedOut() throws Exception {
        fake.setStreamEventDelay(Duration.ofMillis(100));
        long start = System.nanoTime();

        HttpResponse<String> response = post(FakeOpenAi.GENERATIONS, smallGeneration()
                .replace("}", ",\"stream\":true,\"partial_images\":2}"));

        assertThat(events(response.body())).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void concurrentRequestsAreServedAndRecorded() {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(request(FakeOpenAi.GENERATIONS, smallGeneration()),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).hasSize(8);
    }

    @Test
    void recordsEverythingAboutARequest() throws Exception {
        post(FakeOpenAi.GENERATIONS, smallGeneration());

        RecordedRequest recorded = fake.lastRequest();
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo(FakeOpenAi.GENERATIONS);
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(recorded.bodyText()).isEqualTo(smallGeneration());
        assertThat(recorded.jsonMap()).containsEntry("size", "256x256");
        assertThat(recorded.streaming()).isFalse();
        assertThat(recorded.receivedAt()).isNotNull();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String smallGeneration() {
        return "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a\",\"size\":\"256x256\",\"quality\":\"low\"}";
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + fake.port() + path);
    }

    private static HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path, json));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + KEY).GET().build());
    }

    private static HttpResponse<String> postMultipart(Multipart form) throws Exception {
        return send(HttpRequest.newBuilder(uri(FakeOpenAi.EDITS)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, String type, String code, String param)
            throws IOException {
        JsonNode error = json(response).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("param").isNull() ? null : error.get("param").asText()).isEqualTo(param);
    }

    /** Splits an SSE body into its events, checking the framing: one event line, one single-line data line. */
    private static List<JsonNode> events(String body) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
            JsonNode data = Json.MAPPER.readTree(lines[1].substring(6));
            assertThat(data.get("type").asText()).isEqualTo(lines[0].substring(7));
            events.add(data);
        }
        return events;
    }

    /** A hand-built multipart body, for what the SDK would never send. */
    private static final class Multipart {
        static final String BOUNDARY = "test-boundary-7f3a";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart text(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n",
                    value.getBytes(StandardCharsets.UTF_8));
        }

        Multipart file(String name, String filename, String contentType, byte[] bytes) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n", bytes);
        }

        private Multipart part(String headers, byte[] content) {
            out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }
    }
}
