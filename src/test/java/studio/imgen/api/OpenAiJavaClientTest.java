package studio.imgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.IMAGE;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.MultipartField;
import com.openai.core.http.StreamResponse;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenStreamEvent;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.audit.AuditFilter;
import studio.imgen.audit.AuditRow;
import studio.imgen.audit.AuditService;
import studio.imgen.audit.UsageReport;
import studio.imgen.audit.UsageService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageFormat;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestImages;

/**
 * The official openai-java SDK, pointed at the running app with a personal access token, exactly as a script would
 * use it: generate, stream, edit and list models, and the refusals a script must be able to tell apart (role 403,
 * cooldown 429 with Retry-After, revoked token 401). Each call goes through the real pipeline to the fake OpenAI.
 */
class OpenAiJavaClientTest extends ServerTest {

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
    @Autowired
    DSLContext db;
    @Autowired
    AuditService audit;
    @Autowired
    UsageService usage;

    private ApiWorld world;

    @BeforeEach
    void setUp() {
        fake.reset();
        world = ApiWorld.create(users, memberships, tokens, roles, members);
    }

    private OpenAIClient client(String token) {
        return OpenAIOkHttpClient.builder().baseUrl(url("/v1")).apiKey(token).maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void generatesAnImageThatLandsInTheGalleryAndTheAuditLogViaTheToken() {
        String token = world.tokenOf(world.ana(), "nightly-renders");

        ImagesResponse response = client(token).images().generate(ImageGenerateParams.builder()
                .prompt("a lighthouse at dusk").model("test-image-a").size(ImageGenerateParams.Size._1536X1024)
                .quality(ImageGenerateParams.Quality.LOW).build());

        byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        assertThat(ImageFormat.detect(png)).contains(ImageFormat.PNG);
        assertThat(response.outputFormat()).map(Object::toString).contains("png");
        assertThat(response.usage()).isPresent();
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).hasSize(1);
        assertThat(db.fetchCount(IMAGE, IMAGE.WORKSPACE_ID.eq(world.workspaceId()).and(IMAGE.OWNER_ID.eq(world.ana().id()))
                .and(IMAGE.ROLE.eq("result")))).isEqualTo(1);
        assertThat(db.select(AUDIT_LOG.STATUS, DSL.jsonbGetAttributeAsText(AUDIT_LOG.DETAILS, "via_token"))
                .from(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(world.workspaceId())
                        .and(AUDIT_LOG.CATEGORY.eq("generation")))
                .orderBy(AUDIT_LOG.SEQ).fetch().map(r -> r.value1() + " via " + r.value2()))
                .containsExactly("admitted via nightly-renders", "succeeded via nightly-renders");
        LoggedIn.as(world.ana(), memberships);
        try {
            assertThat(tokens.mine()).singleElement().satisfies(t -> {
                assertThat(t.lastUsedAt()).isNotNull();
                assertThat(t.lastUsedFrom()).isEqualTo("127.0.0.1");
            });
            LoggedIn.as(world.dana(), memberships);
            assertThat(audit.page(AuditFilter.none(), null, 0, 10)).filteredOn(r -> r.category().equals("generation"))
                    .extracting(AuditRow::actorName)
                    .containsOnly("Ana (via token nightly-renders)");
            assertThat(usage.report(30).perChannel()).extracting(UsageReport.Line::label, UsageReport.Line::images)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("API token nightly-renders", 1L));
        } finally {
            LoggedIn.nobody();
        }
    }

    @Test
    void streamsPartialImagesThenTheFinishedImage() {
        String token = world.tokenOf(world.ana(), "stream");
        List<String> events = new ArrayList<>();
        List<byte[]> finished = new ArrayList<>();

        // OpenAI finishes only once the client has the last preview: a preview the final image overtakes is dropped.
        fake.holdFinalImages();
        try (StreamResponse<ImageGenStreamEvent> stream = client(token).images().generateStreaming(
                ImageGenerateParams.builder().prompt("a paper boat").model("test-image-a").partialImages(2L).build())) {
            stream.stream().forEach(event -> {
                event.generationPartialImage().ifPresent(p -> {
                    events.add("partial " + p.partialImageIndex());
                    if (p.partialImageIndex() == 1) {
                        fake.releaseFinalImages();
                    }
                });
                event.generationCompleted().ifPresent(c -> {
                    events.add("completed");
                    finished.add(Base64.getDecoder().decode(c.b64Json()));
                });
            });
        } finally {
            fake.releaseFinalImages();
        }

        // The first preview may be skipped when the second overtakes it (OpenAI's contract: "up to" partial_images).
        assertThat(events).isIn(List.of("partial 0", "partial 1", "completed"), List.of("partial 1", "completed"));
        assertThat(ImageFormat.detect(finished.get(0))).contains(ImageFormat.PNG);
    }

    @Test
    void editsAnUploadedImageWithAMask() {
        String token = world.tokenOf(world.ana(), "edits");
        byte[] source = TestImages.png(64, 64, 0x3366cc);

        ImagesResponse response = client(token).images().edit(ImageEditParams.builder()
                .prompt("make the sky purple").model("test-image-a")
                .image(MultipartField.<ImageEditParams.Image>builder()
                        .value(ImageEditParams.Image.ofInputStream(new ByteArrayInputStream(source)))
                        .filename("sky.png").contentType("image/png").build())
                .mask(MultipartField.<InputStream>builder().value(new ByteArrayInputStream(TestImages.mask(64, 64)))
                        .filename("mask.png").contentType("image/png").build())
                .build());

        assertThat(response.data().orElseThrow()).hasSize(1);
        assertThat(fake.requestsTo(FakeOpenAi.EDITS)).hasSize(1);
        assertThat(db.fetchCount(IMAGE, IMAGE.WORKSPACE_ID.eq(world.workspaceId()).and(IMAGE.ROLE.eq("mask"))))
                .isEqualTo(1);
    }

    @Test
    void listsOnlyTheModelsTheMembersRolesAllowWithTheirShutdownDates() {
        world.ruleForAna(0, Set.of("test-image-b"), Set.of(), Set.of());
        String token = world.tokenOf(world.ana(), "models");

        List<Model> models = client(token).models().list().data();

        assertThat(models).extracting(Model::id).containsExactly("test-image-b");
        // Sent, and null: test-image-b has no announced shutdown.
        assertThat(models.get(0)._shutdownDate().isNull()).isTrue();
        assertThat(models.get(0).shutdownDate()).isEmpty();
    }

    @Test
    void anOptionTheRoleDoesNotAllowIsRefusedNotChanged() {
        world.ruleForAna(0, Set.of(), Set.of("1024x1024"), Set.of());
        String token = world.tokenOf(world.ana(), "big-sizes");

        assertThatThrownBy(() -> client(token).images().generate(ImageGenerateParams.builder().prompt("a wide view")
                .model("test-image-a").size(ImageGenerateParams.Size._1536X1024).build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, refused -> {
                    assertThat(refused.statusCode()).isEqualTo(403);
                    assertThat(refused.getMessage()).contains("That size is not available for your role.");
                    assertThat(refused.code()).contains("size_not_allowed");
                });
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).isEmpty();
    }

    @Test
    void aCooldownIs429WithRetryAfter() {
        world.ruleForAna(600, Set.of(), Set.of(), Set.of());
        String token = world.tokenOf(world.ana(), "cooldown");
        OpenAIClient client = client(token);
        client.images().generate(ImageGenerateParams.builder().prompt("first").model("test-image-b").build());

        assertThatThrownBy(() -> client.images().generate(ImageGenerateParams.builder().prompt("second")
                .model("test-image-b").build()))
                .isInstanceOfSatisfying(RateLimitException.class, refused -> {
                    assertThat(refused.statusCode()).isEqualTo(429);
                    assertThat(refused.headers().values("Retry-After")).singleElement()
                            .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(590L, 600L));
                    assertThat(refused.getMessage()).contains("cooldown");
                });
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).hasSize(1);
    }

    @Test
    void aRevokedTokenStopsAtOnceAndSaysNothingAboutTheAccount() {
        String token = world.tokenOf(world.ana(), "soon-revoked");
        OpenAIClient client = client(token);
        assertThat(client.models().list().data()).isNotEmpty();
        LoggedIn.as(world.dana(), memberships);
        try {
            assertThat(tokens.revokeAsAdmin(tokens.workspaceTokens().get(0).id())).isTrue();
        } finally {
            LoggedIn.nobody();
        }

        assertThatThrownBy(() -> client.models().list())
                .isInstanceOfSatisfying(UnauthorizedException.class, refused -> {
                    assertThat(refused.statusCode()).isEqualTo(401);
                    assertThat(refused.getMessage()).contains(BearerTokenFilter.INVALID);
                });
        assertThatThrownBy(() -> client("imgs_" + "A".repeat(43)).models().list())
                .isInstanceOfSatisfying(UnauthorizedException.class, refused ->
                        assertThat(refused.getMessage()).contains(BearerTokenFilter.INVALID));
    }

    @Test
    void aDeactivatedMembersTokenStopsAtOnce() {
        String token = world.tokenOf(world.ana(), "leaver");
        OpenAIClient client = client(token);
        assertThat(client.models().list().data()).isNotEmpty();
        LoggedIn.as(world.dana(), memberships);
        try {
            members.setActive(world.ana().id(), false);
        } finally {
            LoggedIn.nobody();
        }

        assertThatThrownBy(() -> client.models().list()).isInstanceOf(UnauthorizedException.class);
    }
}
