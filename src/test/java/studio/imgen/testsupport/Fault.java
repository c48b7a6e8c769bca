package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something the fake does instead of (or while) answering normally. Queue faults with
 * {@link FakeOpenAi#enqueueFault(Fault)}; each is used by exactly one matching request, so "fail twice, then
 * succeed" is two queued faults. Stream faults only match streaming requests. Immutable.
 *
 * <p>For manual UI runs a prompt may contain {@code [fail:<keyword>]} (see {@link #forPrompt(String)}).
 */
public final class Fault {

    enum Mode {
        STATUS, DROP_CONNECTION, HANG, HUGE_BODY, MALFORMED_JSON, MISSING_DATA, INVALID_BASE64, NON_IMAGE_BYTES,
        MID_STREAM_ERROR, DROP_MID_STREAM, STALL_MID_STREAM, RESPONSE_FAILED;

        boolean streamOnly() {
            return this == MID_STREAM_ERROR || this == DROP_MID_STREAM || this == STALL_MID_STREAM
                    || this == RESPONSE_FAILED;
        }
    }

    final Mode mode;
    final int status;
    final String body;
    final Map<String, String> headers;
    final String path;
    final String errorCode;
    final String errorMessage;

    private Fault(Mode mode, int status, String body, Map<String, String> headers, String path, String errorCode,
            String errorMessage) {
        this.mode = mode;
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.path = path;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    private static Fault of(Mode mode) {
        return new Fault(mode, 200, null, Map.of(), null, null, null);
    }

    // ---- HTTP error replies -------------------------------------------------------------------------------------

    /** An error reply with an OpenAI-style body. */
    public static Fault status(int status, String type, String code, String message) {
        return rawStatus(status, Json.write(ApiError.body(message, type, null, code)));
    }

    /** An error reply with exactly this body. */
    public static Fault rawStatus(int status, String body) {
        return new Fault(Mode.STATUS, status, body, Map.of(), null, null, null);
    }

    /** A 400 {@code invalid_request_error} about one request field, as OpenAI words it (param and code set). */
    public static Fault badRequest(String param, String code, String message) {
        return rawStatus(400, Json.write(ApiError.body(message, "invalid_request_error", param, code)));
    }

    public static Fault moderationBlocked() {
        ObjectNode body = ApiError.body("Your request was rejected by the safety system. If you believe this is an "
                + "error, contact us at help.openai.com and include the request ID. safety_violations=[violence].",
                "image_generation_user_error", null, "moderation_blocked");
        ObjectNode details = ((ObjectNode) body.get("error")).putObject("moderation_details");
        details.put("moderation_stage", "input");
        ArrayNode categories = details.putArray("categories");
        categories.add("violence");
        return rawStatus(400, Json.write(body));
    }

    /** 401 with OpenAI's message, which echoes a partly masked key (the gateway must mask it completely). */
    public static Fault invalidApiKey() {
        return rawStatus(401, Json.write(ApiError.invalidApiKey("sk-proj-abcdefghijklmnop1234").body));
    }

    public static Fault permissionDenied() {
        return status(403, "invalid_request_error", "unsupported_country_region_territory",
                "Country, region, or territory not supported");
    }

    public static Fault insufficientQuota() {
        return status(429, "insufficient_quota", "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing details.");
    }

    /** 429 {@code rate_limit_exceeded} with {@code Retry-After} in whole seconds and {@code x-ratelimit-*}. */
    public static Fault rateLimited(long retryAfterSeconds) {
        return status(429, "requests", "rate_limit_exceeded",
                "Rate limit reached for images per minute. Please try again in " + retryAfterSeconds + "s.")
                .withHeader("retry-after", Long.toString(retryAfterSeconds))
                .withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("x-ratelimit-reset-requests", retryAfterSeconds + "s");
    }

    /** 429 {@code rate_limit_exceeded} with {@code Retry-After-Ms}. */
    public static Fault rateLimitedMillis(long retryAfterMillis) {
        return status(429, "requests", "rate_limit_exceeded", "Rate limit reached for images per minute.")
                .withHeader("retry-after-ms", Long.toString(retryAfterMillis))
                .withHeader("x-ratelimit-remaining-requests", "0");
    }

    /** 500/502/504 {@code server_error}; 503 {@code slow_down}. */
    public static Fault serverError(int status) {
        return status == 503
                ? status(503, "server_error", "slow_down", "The server is overloaded. Please slow down.")
                : status(status, "server_error", null,
                        "The server had an error while processing your request. Sorry about that!");
    }

    public static Fault modelNotFound(String model) {
        return rawStatus(404, Json.write(ApiError.modelNotFound(model).body));
    }

    public static Fault unsupportedMimetype(String param) {
        return rawStatus(400, Json.write(ApiError.unsupportedMimetype(param, "application/octet-stream").body));
    }

    // ---- Broken transport and broken 200s -----------------------------------------------------------------------

    /** Reads the request, then closes the connection without answering. */
    public static Fault dropConnection() {
        return of(Mode.DROP_CONNECTION);
    }

    /** Reads the request and never answers, until {@link FakeOpenAi#reset()} or {@link FakeOpenAi#close()}. */
    public static Fault hang() {
        return of(Mode.HANG);
    }

    /** 200 with a truncated JSON body (or, for streams, an event whose data is not JSON). */
    public static Fault malformedJson() {
        return of(Mode.MALFORMED_JSON);
    }

    /** 200 without images: no {@code data} (Images API), no image call (Responses API). */
    public static Fault missingData() {
        return of(Mode.MISSING_DATA);
    }

    /** 200 whose image payloads are not base64. */
    public static Fault invalidBase64() {
        return of(Mode.INVALID_BASE64);
    }

    /** 200 whose image payloads are base64 of bytes that are no image. */
    public static Fault nonImageBytes() {
        return of(Mode.NON_IMAGE_BYTES);
    }

    /** 200 whose JSON body is 100 MB (one endless base64 string), generated while it is written. */
    public static Fault hugeBody() {
        return of(Mode.HUGE_BODY);
    }

    static final long HUGE_BODY_BYTES = 100L * 1024 * 1024;

    // ---- Stream faults (only streaming requests) ----------------------------------------------------------------

    /** Partial images, then an {@code error} event instead of the final image. */
    public static Fault midStreamError(String code, String message) {
        return new Fault(Mode.MID_STREAM_ERROR, 200, null, Map.of(), null, code, message);
    }

    /** Partial images, then the connection is cut. */
    public static Fault dropMidStream() {
        return of(Mode.DROP_MID_STREAM);
    }

    /** Partial images, then silence until {@link FakeOpenAi#reset()} or {@link FakeOpenAi#close()}. */
    public static Fault stallMidStream() {
        return of(Mode.STALL_MID_STREAM);
    }

    /** Responses API: partial images, then {@code response.failed} with this error. */
    public static Fault responseFailed(String code, String message) {
        return new Fault(Mode.RESPONSE_FAILED, 200, null, Map.of(), null, code, message);
    }

    // ---- Modifiers ----------------------------------------------------------------------------------------------

    public Fault withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Fault(mode, status, body, more, path, errorCode, errorMessage);
    }

    /** Only requests to this path (e.g. {@code /v1/images/edits}) use the fault. */
    public Fault onlyFor(String requestPath) {
        return new Fault(mode, status, body, headers, requestPath, errorCode, errorMessage);
    }

    boolean matches(String requestPath, boolean streaming) {
        return (path == null || path.equals(requestPath)) && (!mode.streamOnly() || streaming);
    }

    private static final Pattern KEYWORD = Pattern.compile("\\[fail:([a-z_]+)]");

    /**
     * Prompt keywords for manual runs: {@code moderation}, {@code invalid_key}, {@code quota}, {@code rate_limit},
     * {@code server_error}, {@code model_not_found}, {@code drop}, {@code no_image}, {@code mid_stream}.
     */
    public static Optional<Fault> forPrompt(String prompt) {
        if (prompt == null) {
            return Optional.empty();
        }
        Matcher keyword = KEYWORD.matcher(prompt);
        if (!keyword.find()) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (keyword.group(1)) {
            case "moderation" -> moderationBlocked();
            case "invalid_key" -> invalidApiKey();
            case "quota" -> insufficientQuota();
            case "rate_limit" -> rateLimited(2);
            case "server_error" -> serverError(500);
            case "model_not_found" -> modelNotFound("requested-model");
            case "drop" -> dropConnection();
            case "no_image" -> missingData();
            case "mid_stream" -> midStreamError("server_error", "The server had an error while generating.");
            default -> null;
        });
    }

    @Override
    public String toString() {
        return "Fault[" + mode + (mode == Mode.STATUS ? " " + status : "") + (path == null ? "" : " " + path) + "]";
    }
}
