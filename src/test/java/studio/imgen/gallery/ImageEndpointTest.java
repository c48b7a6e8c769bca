package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.FormLogin;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.RawHttp;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The image endpoints over real HTTP against the running app, with images generated through the real pipeline:
 * members get the bytes with safe headers; path tricks get 404/400 and never a byte, a redirect or a session. Who else
 * gets what (anonymous, other workspaces, each role) is the authorization matrix's job:
 * {@code security.AuthorizationMatrixTest}.
 */
class ImageEndpointTest extends ServerTest {

    private static final List<String> KINDS = List.of("", "/thumb", "/download");

    @Autowired
    GenerationService generations;
    @Autowired
    GalleryService gallery;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;
    @Autowired
    studio.imgen.security.UserAccounts accounts;

    /** Generated once for the class: generations take a moment, and only one test changes anything (its own). */
    private static Shared shared;

    TestUser ana;
    TestUser eve;
    GenerationDetails generated;
    UUID imageId;
    FormLogin anasBrowser;

    private record Shared(TestUser ana, TestUser eve, GenerationDetails generated, FormLogin anasBrowser) {
    }

    @BeforeEach
    void generateAndLogIn() throws Exception {
        if (shared == null) {
            fake.reset();
            UUID acme = users.workspaceWithKey("Acme");
            TestUser ana = users.member(acme, "Ana");
            TestUser eve = users.member(users.workspaceWithKey("Other"), "Eve");
            GenerationDetails generated = generate(ana, "a private picture");
            FormLogin browser = new FormLogin(port);
            assertThat(browser.login(ana.username(), TestUsers.PASSWORD)).endsWith("/");
            shared = new Shared(ana, eve, generated, browser);
        }
        ana = shared.ana();
        eve = shared.eve();
        generated = shared.generated();
        imageId = generated.images().get(0).id();
        anasBrowser = shared.anasBrowser();
    }

    private GenerationDetails generate(TestUser member, String prompt) throws InterruptedException {
        LoggedIn.as(member, memberships);
        try {
            return Generated.images(generations, prompt, 2);
        } finally {
            LoggedIn.nobody();
        }
    }

    @Test
    void memberGetsTheOriginalInlineWithSafeHeaders() throws Exception {
        HttpResponse<byte[]> response = anasBrowser.getBytes("/img/" + imageId);

        assertThat(response.statusCode()).isEqualTo(200);
        HttpHeaders h = response.headers();
        assertThat(h.firstValue("Content-Type")).hasValue("image/png");
        assertThat(h.allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(h.allValues("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
        assertThat(h.allValues("Cross-Origin-Resource-Policy")).containsExactly("same-origin");
        assertThat(h.firstValue("Cache-Control").orElseThrow()).contains("private").contains("immutable")
                .contains("max-age=31536000").doesNotContain("public");
        assertThat(h.firstValue("Content-Disposition")).hasValue("inline; filename=\"imgen-" + imageId + ".png\"");
        assertThat(h.allValues("Set-Cookie")).isEmpty();
        byte[] body = response.body();
        assertThat(h.firstValueAsLong("Content-Length")).hasValue(body.length);
        assertThat(h.firstValue("ETag")).hasValue("\"" + sha256(body) + "\"");
        assertThat(body).startsWith(0x89, 'P', 'N', 'G');
        assertThat(body.length).isEqualTo(generated.images().get(0).bytes());
    }

    @Test
    void thumbnailIsAJpegWithItsOwnTagAndLength() throws Exception {
        HttpResponse<byte[]> response = anasBrowser.getBytes("/img/" + imageId + "/thumb");

        assertThat(response.statusCode()).isEqualTo(200);
        HttpHeaders h = response.headers();
        assertThat(h.firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.body()).startsWith(0xFF, 0xD8);
        assertThat(h.firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(h.firstValue("Content-Disposition")).hasValue("inline; filename=\"imgen-" + imageId + "-thumb.jpg\"");
        String originalTag = anasBrowser.getBytes("/img/" + imageId).headers().firstValue("ETag").orElseThrow();
        assertThat(h.firstValue("ETag").orElseThrow()).startsWith("\"").endsWith("\"").isNotEqualTo(originalTag);
        assertThat(h.allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(h.allValues("Content-Security-Policy")).containsExactly("default-src 'none'; sandbox");
    }

    @Test
    void downloadIsAnAttachmentWithTheGeneratedName() throws Exception {
        HttpResponse<byte[]> response = anasBrowser.getBytes("/img/" + imageId + "/download");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"imgen-" + imageId + ".png\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void matchingIfNoneMatchAnswers304WithoutBody() throws Exception {
        for (String kind : KINDS) {
            String etag = anasBrowser.getBytes("/img/" + imageId + kind).headers().firstValue("ETag").orElseThrow();
            for (String condition : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
                HttpResponse<byte[]> again = anasBrowser.getBytes("/img/" + imageId + kind, "If-None-Match: " + condition);
                assertThat(again.statusCode()).as(kind + " " + condition).isEqualTo(304);
                assertThat(again.body()).isEmpty();
                assertThat(again.headers().firstValue("ETag")).hasValue(etag);
                assertThat(again.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
            }
            HttpResponse<byte[]> stale = anasBrowser.getBytes("/img/" + imageId + kind, "If-None-Match: \"stale\"");
            assertThat(stale.statusCode()).as(kind).isEqualTo(200);
        }
    }

    @Test
    void credentialsInHeadersGrantNothing() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((ana.username() + ":" + TestUsers.PASSWORD).getBytes());
        for (String header : List.of("Authorization: Basic " + basic, "Authorization: Bearer " + TestUsers.API_KEY,
                "x-api-key: " + TestUsers.API_KEY)) {
            RawHttp.Response response = RawHttp.get(port, "/img/" + imageId, header);
            assertNothingServed(response, header);
            assertThat(response.status()).isEqualTo(404);
        }
    }

    @Test
    void memberOfBothWorkspacesSeesOnlyTheActiveWorkspacesImages() throws Exception {
        TestUser max = users.member(users.workspace("Zeta"), "Max");
        users.join(max, ana.workspaceId(), false);
        accounts.rememberWorkspace(max.id(), max.workspaceId());
        FormLogin maxsBrowser = new FormLogin(port);
        maxsBrowser.login(max.username(), TestUsers.PASSWORD);
        assertThat(maxsBrowser.getBytes("/img/" + imageId).statusCode()).as("his own workspace is active").isEqualTo(404);

        accounts.rememberWorkspace(max.id(), ana.workspaceId());
        FormLogin again = new FormLogin(port);
        again.login(max.username(), TestUsers.PASSWORD);
        assertThat(again.getBytes("/img/" + imageId).statusCode()).as("Acme is active").isEqualTo(200);
    }

    @Test
    void deletedImageIsGoneAtOnce() throws Exception {
        GenerationDetails own = generate(ana, "soon deleted");
        UUID doomed = own.images().get(0).id();
        assertThat(anasBrowser.getBytes("/img/" + doomed).statusCode()).isEqualTo(200);
        LoggedIn.as(ana, memberships);
        gallery.delete(doomed);

        for (String kind : KINDS) {
            HttpResponse<byte[]> response = anasBrowser.getBytes("/img/" + doomed + kind);
            assertNotFound(response, kind);
        }
        assertThat(anasBrowser.getBytes("/img/" + own.images().get(1).id()).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingThumbnailIsMadeFromTheOriginalOnItsFirstRequest() throws Exception {
        UUID thumbless = new GalleryFixtures(db, store)
                .generation(ana.workspaceId(), ana.id(), "thumbnail later", "gpt-image-2", clock.instant(), 1, true).first();
        StorageKey thumbnail = StorageKey.thumbnail(ana.workspaceId(), thumbless);
        store.delete(thumbnail);

        List<HttpResponse<byte[]>> responses = java.util.stream.IntStream.range(0, 4).parallel()
                .mapToObj(i -> {
                    try {
                        return anasBrowser.getBytes("/img/" + thumbless + "/thumb");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();

        for (HttpResponse<byte[]> response : responses) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(response.body()).startsWith(0xFF, 0xD8);
        }
        assertThat(store.exists(thumbnail)).as("stored for the next request").isTrue();
        try (var in = store.open(thumbnail)) {
            assertThat(in.readAllBytes()).isEqualTo(responses.get(0).body());
        }
    }

    @Test
    void aRowWhoseFileIsMissingIs404NotAnError() throws Exception {
        UUID missing = new GalleryFixtures(db, store)
                .generation(ana.workspaceId(), ana.id(), "no files", "gpt-image-2", clock.instant(), 1, false).first();

        for (String kind : KINDS) {
            HttpResponse<byte[]> response = anasBrowser.getBytes("/img/" + missing + kind);
            assertNotFound(response, kind);
        }
    }

    @Test
    void rangeRequestsServeTheRequestedBytesOnly() throws Exception {
        HttpResponse<byte[]> response = anasBrowser.getBytes("/img/" + imageId, "Range: bytes=0-7");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void headAnswersWithHeadersOnly() throws Exception {
        RawHttp.Response response = RawHttp.head(port, "/img/" + imageId, "Cookie: JSESSIONID=" + anasBrowser.sessionId().orElseThrow());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).containsExactly("image/png");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/img/..%2f{id}", "/img/{id}/../../x", "/img/{id}/..", "/img/%2e%2e/{id}", "/img/%252e%252e/{id}",
            "/img/{id};jsessionid={sid}", "/img/{id}/thumb;x=1", "/img/{ID}", "/img/{ID}/thumb", "/img/{ID}/download",
            "/img/{id}/", "/img/{id}/thumb/", "/img/{id}%2fthumb", "/img/{id}/x", "/img/{id}/thumb/x", "/img/",
            "/img", "/img/not-a-uuid", "/img/{id}\\..\\x", "/img//{id}", "/img/{id}%00", "/img/{id}.png",
            "/img/{{id}}", "/img/{nodash}", "/img/{id}/thumb/../download"})
    void pathTricksGetNoBytes(String template) throws Exception {
        String sid = anasBrowser.sessionId().orElseThrow();
        String path = template.replace("{ID}", imageId.toString().toUpperCase(Locale.ROOT))
                .replace("{nodash}", imageId.toString().replace("-", ""))
                .replace("{id}", imageId.toString()).replace("{sid}", sid);

        RawHttp.Response response = RawHttp.get(port, path, "Cookie: JSESSIONID=" + sid);

        assertNothingServed(response, path);
        assertThat(response.status()).as(path).isIn(400, 404);
    }

    @Test
    void anonymousPathsUnderImgNeverReachTheAppOrOpenASession() throws Exception {
        for (String path : List.of("/img", "/img/", "/img/x/y", "/img/" + imageId + "/", "/img/" + imageId + "/x")) {
            RawHttp.Response response = RawHttp.get(port, path);
            assertNothingServed(response, path);
            assertThat(response.status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void upperCaseImgIsNoImageUrl() throws Exception {
        String path = "/IMG/" + imageId;
        RawHttp.Response anonymous = RawHttp.get(port, path);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Content-Type")).noneMatch(type -> type.startsWith("image/"));

        HttpResponse<byte[]> member = anasBrowser.getBytes(path);
        assertThat(member.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("image/");
        assertThat(new String(member.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PNG");
    }

    private static void assertNotFound(HttpResponse<byte[]> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(404);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).as(what).isEqualTo("Not found");
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("text/plain;charset=UTF-8");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().firstValue("ETag")).as(what).isEmpty();
        assertThat(response.headers().firstValue("Content-Disposition")).as(what).isEmpty();
    }

    private static void assertNothingServed(RawHttp.Response response, String what) {
        assertThat(response.body()).as(what).doesNotContain("PNG").doesNotContain("\u00ff\u00d8\u00ff")
                .doesNotContain("window.Vaadin").doesNotContain("ImGen Studio");
        assertThat(response.header("Location")).as(what).isEmpty();
        assertThat(response.setsSessionCookie()).as(what).isFalse();
        assertThat(response.header("Content-Type")).as(what).noneMatch(type -> type.startsWith("image/"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
