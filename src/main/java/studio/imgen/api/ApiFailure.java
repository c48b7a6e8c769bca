package studio.imgen.api;

import java.time.Duration;

/**
 * An answer other than success, in OpenAI's error shape ({@code {"error":{"message","type","param","code"}}}) with
 * our sentence as the message. {@code retryAfter} becomes a {@code Retry-After} header; {@code retryable=false} adds
 * {@code x-should-retry: false}, which the official SDKs obey instead of retrying on their own.
 */
final class ApiFailure extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Duration retryAfter;
    private final boolean retryable;

    private ApiFailure(int status, String type, String code, String param, String message, Duration retryAfter,
                       boolean retryable) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    static ApiFailure invalid(String param, String message) {
        return new ApiFailure(400, "invalid_request_error", null, param, message, null, false);
    }

    static ApiFailure invalid(String param, String code, String message) {
        return new ApiFailure(400, "invalid_request_error", code, param, message, null, false);
    }

    static ApiFailure unauthenticated(String message) {
        return new ApiFailure(401, "invalid_request_error", "invalid_api_key", null, message, null, false);
    }

    static ApiFailure forbidden(String code, String param, String message) {
        return new ApiFailure(403, "permission_error", code, param, message, null, false);
    }

    static ApiFailure notFound(String message) {
        return new ApiFailure(404, "invalid_request_error", "not_found", null, message, null, false);
    }

    static ApiFailure methodNotAllowed(String message) {
        return new ApiFailure(405, "invalid_request_error", "method_not_allowed", null, message, null, false);
    }

    static ApiFailure tooLarge(String message) {
        return new ApiFailure(413, "invalid_request_error", "request_too_large", null, message, null, false);
    }

    static ApiFailure unsupportedMediaType(String message) {
        return new ApiFailure(415, "invalid_request_error", "unsupported_media_type", null, message, null, false);
    }

    /** A wait that helps: the SDKs may retry after {@code retryAfter} when {@code retryable}. */
    static ApiFailure rateLimited(String code, String message, Duration retryAfter, boolean retryable) {
        return new ApiFailure(429, "rate_limit_error", code, null, message, retryAfter, retryable);
    }

    static ApiFailure upstream(int status, String code, String message) {
        return new ApiFailure(status, "server_error", code, null, message, null, false);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }

    String param() {
        return param;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    boolean retryable() {
        return retryable;
    }
}
