package studio.imgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.ServerTest;

/**
 * The API at the HTTP level, for what no SDK would send: oversized and malformed bodies, parameters ImGen Studio does
 * not support, and a token offered to the UI (which never accepts one).
 */
class ImagesApiHttpTest extends ServerTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    FakeOpenAi fake;

    private String token;

    @BeforeEach
    void setUp() {
        fake.reset();
        ApiWorld world = ApiWorld.create(users, memberships, tokens, roles, members);
        token = world.tokenOf(world.ana(), "http");
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String prompt = "x".repeat(1_100_000);
        HttpResponse<String> response = post("/v1/images/generations", "application/json",
                "{\"prompt\":\"" + prompt + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"request_too_large\"");
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).isEmpty();
    }

    @Test
    void badInputGetsOpenAisErrorShapeWithOurSentenceAndTheParameter() throws Exception {
        assertThat(post("/v1/images/generations", "application/json", "{\"prompt\": ").body())
                .contains("The request body is not valid JSON");
        HttpResponse<String> unknown = post("/v1/images/generations", "application/json",
                "{\"prompt\":\"a fox\",\"seed\":4}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"param\":\"seed\"", "\"type\":\"invalid_request_error\"",
                "Unrecognized request argument supplied: seed");
        HttpResponse<String> url = post("/v1/images/generations", "application/json",
                "{\"prompt\":\"a fox\",\"response_format\":\"url\"}");
        assertThat(url.statusCode()).isEqualTo(400);
        assertThat(url.body()).contains("\"param\":\"response_format\"", "b64_json only");
        assertThat(post("/v1/images/generations", "application/json", "{\"prompt\":\"a fox\",\"n\":\"many\"}").body())
                .contains("n must be a whole number.");
        assertThat(post("/v1/images/generations", "application/json", "{\"model\":\"test-image-a\"}").body())
                .contains("\"param\":\"prompt\"");
        assertThat(post("/v1/images/generations", "text/plain", "a fox").statusCode()).isEqualTo(415);
        assertThat(post("/v1/images/edits", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nblue\r\n--x--\r\n").body())
                .contains("\"param\":\"image\"");
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).isEmpty();
    }

    @Test
    void theUiNeverAcceptsAToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/gallery")))
                .header("Authorization", "Bearer " + token).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }
}
