package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestUsers.TestUser;

/** After a generation, the Prometheus scrape shows it: counts by status and model, cost, latency, queue, storage. */
class GenerationMetricsTest extends ServerTest {

    @Autowired
    GenerationService generations;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;

    @AfterEach
    void nobody() {
        LoggedIn.nobody();
    }

    @Test
    void aGenerationShowsUpInTheScrape() throws Exception {
        TestUser ana = users.member(users.workspaceWithKey("Metrics"), "Ana");
        LoggedIn.as(ana, memberships);
        String before = scrape();

        UUID id = generations.submit(GenerationRequest.of("a lighthouse", ImageOptions.DEFAULTS
                .withModel("test-image-a")));
        GenerationDetails done = Generations.awaitFinished(generations, id);
        assertThat(done.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        // Watchers hear "finished" just before the metrics listener counts it: wait for the count, not a time.
        String costSeries = "imgen_cost_usd_total{application=\"imgen-studio\",model=\"test-image-a\"}";
        String after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(this::scrape, scrape -> value(scrape, costSeries) > value(before, costSeries));
        String imgenLines = after.lines().filter(l -> l.startsWith("imgen_") && !l.contains("_bucket"))
                .reduce("", (x, y) -> x + y + "\n");

        String succeeded = "imgen_generations_total{application=\"imgen-studio\",model=\"test-image-a\",status=\"succeeded\"}";
        String queued = "imgen_generations_total{application=\"imgen-studio\",model=\"test-image-a\",status=\"queued\"}";
        assertThat(value(after, succeeded) - value(before, succeeded)).as(imgenLines).isEqualTo(1);
        assertThat(value(after, queued) - value(before, queued)).isEqualTo(1);
        String cost = "imgen_cost_usd_total{application=\"imgen-studio\",model=\"test-image-a\"}";
        assertThat(done.costMicros()).isPositive();
        assertThat(value(after, cost) - value(before, cost)).as(imgenLines)
                .isCloseTo(done.costMicros() / 1_000_000.0, org.assertj.core.data.Offset.offset(1e-9));
        String latency = "imgen_upstream_latency_seconds_count{application=\"imgen-studio\",operation=\"generate\",outcome=\"success\"}";
        assertThat(value(after, latency)).isGreaterThan(value(before, latency));
        assertThat(after).contains("imgen_upstream_latency_seconds_bucket{application=\"imgen-studio\",operation=\"generate\",outcome=\"success\",le=");
        String stored = "imgen_storage_bytes{application=\"imgen-studio\"}";
        assertThat(value(after, stored)).isGreaterThan(value(before, stored));
        assertThat(after).containsPattern("imgen_queue_depth\\{application=\"imgen-studio\"} \\d")
                .containsPattern("imgen_inflight\\{application=\"imgen-studio\"} \\d")
                .containsPattern("imgen_breaker_workspaces\\{application=\"imgen-studio\",state=\"open\"} \\d");
        assertThat(after).as("no prompt in metrics").doesNotContain("lighthouse");
    }

    private String scrape() throws Exception {
        String credentials = Base64.getEncoder().encodeToString("scraper:scrape-Test-Password-1".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample's value, 0 when the series does not exist yet. */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
