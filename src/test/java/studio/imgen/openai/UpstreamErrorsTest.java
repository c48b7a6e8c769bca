package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(name = "{0} {1}/{2}/{3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "400, image_generation_user_error, moderation_blocked, -, MODERATION_BLOCKED",
            "400, invalid_request_error, content_policy_violation, -, MODERATION_BLOCKED",
            "200, -, moderation_blocked, -, MODERATION_BLOCKED",
            "401, invalid_request_error, invalid_api_key, -, INVALID_KEY",
            "401, invalid_request_error, -, -, INVALID_KEY",
            "403, invalid_request_error, unsupported_country_region_territory, -, PERMISSION_DENIED",
            "429, insufficient_quota, insufficient_quota, -, INSUFFICIENT_QUOTA",
            "429, requests, rate_limit_exceeded, -, RATE_LIMITED",
            "404, invalid_request_error, model_not_found, -, MODEL_NOT_AVAILABLE",
            "400, invalid_request_error, model_not_found, -, MODEL_NOT_AVAILABLE",
            "404, invalid_request_error, previous_response_not_found, previous_response_id, PREVIOUS_RESPONSE_NOT_FOUND",
            "400, invalid_request_error, -, previous_response_id, PREVIOUS_RESPONSE_NOT_FOUND",
            "400, invalid_request_error, unsupported_file_mimetype, image[0], INVALID_IMAGE",
            "400, invalid_request_error, invalid_value, mask, INVALID_IMAGE",
            "400, invalid_request_error, invalid_value, size, BAD_REQUEST",
            "404, invalid_request_error, unknown_url, -, BAD_REQUEST",
            "422, invalid_request_error, -, -, BAD_REQUEST",
            "408, -, -, -, UPSTREAM_ERROR",
            "500, server_error, -, -, UPSTREAM_ERROR",
            "503, server_error, slow_down, -, UPSTREAM_ERROR",
            "200, server_error, server_error, -, UPSTREAM_ERROR",
    })
    void kindFollowsStatusCodeTypeAndParam(int status, String type, String code, String param, FailureKind kind) {
        assertThat(UpstreamErrors.kindOf(status, type, code, param)).isEqualTo(kind);
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        assertThat(UpstreamErrors.retryAfter(headers("retry-after-ms", "1500.5", "retry-after", "9"), NOW))
                .isEqualTo(Duration.ofNanos(1_500_500_000));
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        assertThat(UpstreamErrors.retryAfter(headers("Retry-After", "30"), NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(UpstreamErrors.retryAfter(headers("retry-after", "0.25"), NOW)).isEqualTo(Duration.ofMillis(250));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC));
        assertThat(UpstreamErrors.retryAfter(headers("retry-after", date), NOW)).isEqualTo(Duration.ofSeconds(90));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(5).atOffset(ZoneOffset.UTC));
        assertThat(UpstreamErrors.retryAfter(headers("retry-after", past), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void unusableRetryAfterIsIgnored() {
        assertThat(UpstreamErrors.retryAfter(headers("retry-after", "soon"), NOW)).isNull();
        assertThat(UpstreamErrors.retryAfter(headers("retry-after-ms", "-5"), NOW)).isNull();
        assertThat(UpstreamErrors.retryAfter(headers(), NOW)).isNull();
    }

    private static Headers headers(String... namesAndValues) {
        var builder = Headers.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }
}
