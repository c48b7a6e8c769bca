package studio.imgen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.testsupport.ServerTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The actuator chain: health is public but says only UP/DOWN to strangers; prometheus, info and metrics need the
 * metrics user (application-test.properties) over HTTP Basic; no actuator call ever creates a session.
 */
class ActuatorEndpointsTest extends ServerTest {

    static final String SCRAPER = basic("scraper", "scrape-Test-Password-1");

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsPublicButItsDetailsAreNot() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health/readiness", null);

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theMetricsUserSeesWhatReadinessChecks() throws Exception {
        HttpResponse<String> detailed = get("/actuator/health/readiness", SCRAPER);

        assertThat(detailed.statusCode()).isEqualTo(200);
        // Read as JSON: Jackson 3 (Boot 4) writes the properties of each component in another order.
        JsonNode components = new ObjectMapper().readTree(detailed.body()).path("components");
        for (String check : List.of("db", "imageStore", "diskSpace", "readinessState")) {
            assertThat(components.path(check).path("status").asString()).as(check).isEqualTo("UP");
        }
    }

    @Test
    void livenessIsPublic() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator"})
    void everythingElseNeedsTheMetricsUser(String path) throws Exception {
        HttpResponse<String> anonymous = get(path, null);
        HttpResponse<String> wrongPassword = get(path, basic("scraper", "guess"));
        HttpResponse<String> member = get(path, basic("admin", "admin-Test-Password-1"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(member.statusCode()).as("a studio login is not a metrics login").isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theMetricsUserScrapesWithoutASession() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus", SCRAPER);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes", "imgen_queue_depth");
        assertThat(scrape.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void infoShowsTheVersionAndTheCommit() throws Exception {
        HttpResponse<String> info = get("/actuator/info", SCRAPER);

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\":", "\"version\":\"0.1.0-SNAPSHOT\"", "\"git\":", "\"commit\":");
    }

    @Test
    void everyResponseCarriesARequestIdAndAGoodOneIsKept() throws Exception {
        HttpResponse<String> fresh = get("/actuator/health/liveness", null);
        HttpResponse<String> given = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/liveness")))
                .header("X-Request-Id", "proxy-1234-abcd").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/liveness")))
                .header("X-Request-Id", "a b\tc <script>").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("proxy-1234-abcd");
        assertThat(forged.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).hasSize(36).doesNotContain(" ", "<"));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
