package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAI error reply, thrown by the fake's endpoints and written as
 * {@code {"error":{"message","type","param","code"}}} (openai-images.md §8).
 */
final class ApiError extends RuntimeException {

    final int status;
    final ObjectNode body;

    ApiError(int status, String type, String code, String param, String message) {
        this(status, body(message, type, param, code));
    }

    ApiError(int status, ObjectNode body) {
        super(body.path("error").path("message").asText());
        this.status = status;
        this.body = body;
    }

    static ObjectNode body(String message, String type, String param, String code) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    static ApiError invalidValue(String param, String message) {
        return new ApiError(400, "invalid_request_error", "invalid_value", param, message);
    }

    static ApiError invalidEnum(String param, String value, String allowed) {
        return invalidValue(param, "Invalid value: '" + value + "'. Supported values are: " + allowed + ".");
    }

    static ApiError missing(String param) {
        return new ApiError(400, "invalid_request_error", "missing_required_parameter", param,
                "Missing required parameter: '" + param + "'.");
    }

    static ApiError unknownParameter(String param) {
        return new ApiError(400, "invalid_request_error", "unknown_parameter", param,
                "Unknown parameter: '" + param + "'.");
    }

    static ApiError invalidType(String param, String expected) {
        return new ApiError(400, "invalid_request_error", "invalid_type", param,
                "Invalid type for '" + param + "': expected " + expected + ".");
    }

    static ApiError belowMin(String param, long min, long actual) {
        return new ApiError(400, "invalid_request_error", "integer_below_min_value", param,
                "Invalid '" + param + "': integer below minimum value. Expected a value >= " + min + ", but got "
                        + actual + " instead.");
    }

    static ApiError aboveMax(String param, long max, long actual) {
        return new ApiError(400, "invalid_request_error", "integer_above_max_value", param,
                "Invalid '" + param + "': integer above maximum value. Expected a value <= " + max + ", but got "
                        + actual + " instead.");
    }

    static ApiError tooLong(String param, int max, int actual) {
        return new ApiError(400, "invalid_request_error", "string_above_max_length", param,
                "Invalid '" + param + "': string too long. Expected a string with maximum length " + max
                        + ", but got a string with length " + actual + " instead.");
    }

    static ApiError unsupportedMimetype(String param, String mimeType) {
        return new ApiError(400, "invalid_request_error", "unsupported_file_mimetype", param,
                "Invalid file '" + param + "': unsupported mimetype ('" + mimeType
                        + "'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.");
    }

    static ApiError modelNotFound(String model) {
        return new ApiError(404, "invalid_request_error", "model_not_found", null,
                "The model '" + model + "' does not exist or you do not have access to it.");
    }

    static ApiError previousResponseNotFound(int status, String id) {
        return new ApiError(status, "invalid_request_error", "previous_response_not_found", "previous_response_id",
                "Previous response with id '" + id + "' not found.");
    }

    static ApiError invalidApiKey(String key) {
        return new ApiError(401, "invalid_request_error", "invalid_api_key", null,
                "Incorrect API key provided: " + maskLikeOpenAi(key)
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.");
    }

    static ApiError missingApiKey() {
        return new ApiError(401, "invalid_request_error", null, null,
                "You didn't provide an API key. You need to provide your API key in an Authorization header using "
                        + "Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
    }

    static ApiError unknownUrl(String method, String path) {
        return new ApiError(404, "invalid_request_error", "unknown_url", null,
                "Invalid URL (" + method + " " + path + ")");
    }

    /** OpenAI echoes a partly masked key; keeping that here lets tests prove the gateway masks it fully. */
    private static String maskLikeOpenAi(String key) {
        if (key.length() <= 8) {
            return "sk-***";
        }
        return key.substring(0, Math.min(7, key.length() - 4)) + "*".repeat(Math.max(3, key.length() - 11))
                + key.substring(key.length() - 4);
    }
}
