package studio.imgen.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the SDK throws into an {@link OpenAiException} and decides whether the attempt may be repeated
 * (security-reliability.md §4.4). Decisions use the HTTP status and OpenAI's error {@code code}/{@code type}/
 * {@code param}, never the message text.
 */
final class UpstreamErrors {

    /** A classified failure and whether repeating the same request is safe and useful. */
    record Classified(OpenAiException failure, boolean retryable) {}

    private static final Set<String> MODERATION_CODES = Set.of("moderation_blocked", "content_policy_violation");
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "billing_hard_limit_reached");
    private static final Set<String> IMAGE_CODES = Set.of("unsupported_file_mimetype", "invalid_image",
            "invalid_image_format", "invalid_image_file", "invalid_image_url", "image_too_large");
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 409, 500, 502, 503, 504);

    private UpstreamErrors() {}

    /** Returns null for throwables that are not SDK or I/O failures (programming errors propagate unchanged). */
    static Classified classify(Throwable error, boolean bodyStarted, Redactor redactor, Instant now) {
        if (causeOf(error, ResponseCap.TooLarge.class) != null) {
            return new Classified(invalidResponse(causeOf(error, ResponseCap.TooLarge.class).getMessage(), null), false);
        }
        if (error instanceof SseException sse) {
            return new Classified(fromServiceError(sse, redactor, true, now), false);
        }
        if (error instanceof OpenAIServiceException service) {
            OpenAiException failure = fromServiceError(service, redactor, false, now);
            return new Classified(failure, isRetryable(service.statusCode(), failure.kind(), service.headers()));
        }
        if (error instanceof OpenAIInvalidDataException invalid) {
            String requestId = invalid.headers().map(h -> first(h, "x-request-id")).orElse(null);
            return new Classified(invalidResponse("unreadable response: " + describe(invalid, redactor), requestId),
                    false);
        }
        IOException io = causeOf(error, IOException.class);
        if (io != null) {
            return fromIo(io, bodyStarted, redactor);
        }
        if (error instanceof com.openai.errors.OpenAIException sdk) {
            // Any other SDK failure: no retry, and the outcome is unknown once the body went out.
            OpenAiException failure = OpenAiException.builder(FailureKind.UPSTREAM_ERROR, describe(sdk, redactor))
                    .requestMayHaveBeenSent(bodyStarted).build();
            return new Classified(failure, false);
        }
        return null;
    }

    static OpenAiException invalidResponse(String detail, String requestId) {
        return OpenAiException.builder(FailureKind.INVALID_RESPONSE, detail).requestId(requestId).build();
    }

    /** For errors reported inside a successful (200) stream or response body, e.g. Responses API {@code error}. */
    static OpenAiException fromBodyError(String type, String code, String param, String message, String requestId,
            Redactor redactor) {
        String masked = redactor.mask(message);
        FailureKind kind = kindOf(200, type, code, param);
        return OpenAiException.builder(kind, describe(200, "response error", type, code, param, masked))
                .upstreamCode(code != null ? code : type).param(param).requestId(requestId).build();
    }

    private static Classified fromIo(IOException io, boolean bodyStarted, Redactor redactor) {
        // SocketTimeoutException and OkHttp's call timeout are both InterruptedIOExceptions.
        boolean timedOut = causeOf(io, InterruptedIOException.class) != null;
        FailureKind kind = timedOut ? FailureKind.TIMEOUT : FailureKind.UPSTREAM_ERROR;
        String detail = (bodyStarted ? "after the request was sent: " : "before the request was sent: ")
                + describe(io, redactor);
        OpenAiException failure = OpenAiException.builder(kind, detail).requestMayHaveBeenSent(bodyStarted).build();
        return new Classified(failure, !bodyStarted);
    }

    private static OpenAiException fromServiceError(OpenAIServiceException e, Redactor redactor, boolean inStream,
                                                    Instant now) {
        int status = e.statusCode();
        String type = e.type().orElse(null);
        String code = e.code().orElse(null);
        String param = e.param().orElse(null);
        String message = redactor.mask(errorMessage(e.body()));
        FailureKind kind = kindOf(status, type, code, param);
        Headers headers = e.headers();
        return OpenAiException.builder(kind, describe(status, inStream ? "stream error" : "error", type, code,
                        param, message))
                .httpStatus(status)
                .upstreamCode(code != null ? code : type)
                .param(param)
                .requestId(first(headers, "x-request-id"))
                .retryAfter(retryAfter(headers, now))
                .build();
    }

    static FailureKind kindOf(int status, String type, String code, String param) {
        if (isIn(MODERATION_CODES, code)) {
            return FailureKind.MODERATION_BLOCKED;
        }
        if (isIn(QUOTA_CODES, code) || "insufficient_quota".equals(type)) {
            return FailureKind.INSUFFICIENT_QUOTA;
        }
        if ("model_not_found".equals(code)) {
            return FailureKind.MODEL_NOT_AVAILABLE;
        }
        if ("previous_response_not_found".equals(code) || "previous_response_id".equals(param)) {
            return FailureKind.PREVIOUS_RESPONSE_NOT_FOUND;
        }
        if (isIn(IMAGE_CODES, code) || (status == 400 && isImageParam(param))) {
            return FailureKind.INVALID_IMAGE;
        }
        if (status == 401 || "invalid_api_key".equals(code)) {
            return FailureKind.INVALID_KEY;
        }
        if (status == 403) {
            return FailureKind.PERMISSION_DENIED;
        }
        if (status == 429 || "rate_limit_exceeded".equals(code)) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 408 || status == 409 || status >= 500) {
            return FailureKind.UPSTREAM_ERROR;
        }
        if (status >= 400 || "invalid_request_error".equals(type)) {
            return FailureKind.BAD_REQUEST;
        }
        return FailureKind.UPSTREAM_ERROR;
    }

    /** {@code Set.of(...)} rejects null lookups, and OpenAI's {@code code} is often null. */
    private static boolean isIn(Set<String> codes, String code) {
        return code != null && codes.contains(code);
    }

    private static boolean isImageParam(String param) {
        return param != null && (param.startsWith("image") || param.startsWith("mask")
                || param.contains("image_url") || param.contains("input_image"));
    }

    private static boolean isRetryable(int status, FailureKind kind, Headers headers) {
        if ("false".equalsIgnoreCase(first(headers, "x-should-retry"))) {
            return false;
        }
        return status == 429 ? kind == FailureKind.RATE_LIMITED : RETRYABLE_STATUSES.contains(status);
    }

    /** {@code Retry-After-Ms}, else {@code Retry-After} in seconds or as an HTTP date; null when absent. */
    static Duration retryAfter(Headers headers, Instant now) {
        Optional<Double> millis = number(first(headers, "retry-after-ms"));
        if (millis.isPresent()) {
            return Duration.ofNanos((long) (millis.get() * 1_000_000));
        }
        String value = first(headers, "retry-after");
        if (value == null) {
            return null;
        }
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Duration.ofMillis((long) (seconds.get() * 1000));
        }
        try {
            Duration untilDate = Duration.between(now, ZonedDateTime.parse(value.trim(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return untilDate.isNegative() ? Duration.ZERO : untilDate;
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }

    private static Optional<Double> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return parsed >= 0 && Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String errorMessage(JsonValue body) {
        JsonNode node;
        try {
            node = body.convert(JsonNode.class);
        } catch (RuntimeException notJson) {
            return null;
        }
        if (node == null) {
            return null;
        }
        JsonNode fields = node.has("error") && node.get("error").isObject() ? node.get("error") : node;
        JsonNode message = fields.get("message");
        return message != null && message.isTextual() ? message.asText() : null;
    }

    private static String describe(int status, String what, String type, String code, String param, String message) {
        return "HTTP " + status + " " + what + " type=" + type + " code=" + code + " param=" + param
                + " message=" + message;
    }

    private static String describe(Throwable error, Redactor redactor) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return redactor.mask(text.toString());
    }

    static String first(Headers headers, String name) {
        var values = headers.values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
