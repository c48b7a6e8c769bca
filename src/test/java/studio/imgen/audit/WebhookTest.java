package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The log webhook against a receiver on loopback (the test profile allows private targets): one message per
 * succeeded generation with ImGen's content, nothing for failures and denials, retries then a recorded failure that
 * the member never notices, no redirects, admin-only settings.
 */
@IntegrationTest
class WebhookTest {

    static final String XSS = "<img src=x onerror=alert(1)> <!channel> @everyone";

    @Autowired
    WebhookService webhooks;
    @Autowired
    GenerationService generations;
    @Autowired
    AuditedGenerations audited;
    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    ObjectMapper json;
    @Autowired
    DSLContext db;

    WebhookReceiver receiver;
    UUID acme;
    TestUser dana;
    TestUser ana;

    @BeforeEach
    void setUp() throws Exception {
        fake.reset();
        receiver = new WebhookReceiver();
        acme = users.workspaceWithKey("Acme");
        dana = users.admin(acme, "Dana");
        ana = users.member(acme, "Ana");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        fake.reset();
        LoggedIn.nobody();
    }

    @Test
    void aSucceededGenerationPostsOneSlackAndDiscordCompatibleMessage() throws Exception {
        LoggedIn.as(dana, memberships);
        assertThat(webhooks.set(receiver.url("/hooks/secret-path"))).startsWith("Generation logs will be sent to http://127.0.0.1:");
        String prompt = XSS + " " + "x".repeat(1_500);

        GenerationDetails done = generateAs(ana, prompt);
        assertThat(deliveries.next(acme).delivered()).isTrue();

        assertThat(receiver.received()).singleElement().satisfies(message -> {
            assertThat(message.path()).isEqualTo("/hooks/secret-path");
            assertThat(message.contentType()).startsWith("application/json");
            JsonNode body = json.readTree(message.body());
            String content = body.get("content").asText();
            assertThat(content).startsWith("🎨 Image Generated\nUser: Ana\nPrompt: " + XSS + " ")
                    .contains("Model: GPT Image 2 · Size: auto · Quality: auto · Cost: "
                            + studio.imgen.catalog.Money.cost(done.costMicros(), true))
                    .endsWith("\nhttp://localhost:8080/img/" + done.images().get(0).id());
            String shown = content.substring(content.indexOf("Prompt: ") + 8, content.indexOf("\nModel: "));
            assertThat(shown).hasSize(1_003).endsWith("...").isEqualTo(prompt.substring(0, 1_000) + "...");
            String text = body.get("text").asText();
            assertThat(text).contains("&lt;img src=x onerror=alert(1)&gt; &lt;!channel&gt;").doesNotContain("<img")
                    .contains("<http://localhost:8080/img/" + done.images().get(0).id() + "|Open in ImGen Studio>");
            assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
        });
        LoggedIn.as(dana, memberships);
        assertThat(webhooks.settings()).get().satisfies(s -> {
            assertThat(s.lastStatus()).isEqualTo("delivered");
            assertThat(s.lastHttpStatus()).isEqualTo(200);
            assertThat(s.lastDeliveredAt()).isNotNull();
        });
    }

    @Test
    void anEditIsTitledImageEdited() throws Exception {
        LoggedIn.as(dana, memberships);
        webhooks.set(receiver.url("/hook"));
        GenerationDetails first = generateAs(ana, "a castle");
        deliveries.next(acme);

        LoggedIn.as(ana, memberships);
        UUID edit = generations.submit(GenerationRequest.of("make it night")
                .withSourceImages(List.of(first.images().get(0).id())));
        audited.await(edit, GenerationStatus.SUCCEEDED);
        deliveries.next(acme);

        assertThat(json.readTree(receiver.received().get(1).body()).get("content").asText()).startsWith("✏️ Image Edited\n");
    }

    @Test
    void failuresAndDenialsPostNothing() throws Exception {
        LoggedIn.as(dana, memberships);
        webhooks.set(receiver.url("/hook"));
        fake.enqueueFault(Fault.moderationBlocked());
        GenerationDetails failed = generateAs(ana, "refused");
        assertThat(failed.status()).isEqualTo(GenerationStatus.FAILED);
        LoggedIn.as(ana, memberships);
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of(" "))).isInstanceOf(UserInputException.class);

        generateAs(ana, "the only one");
        deliveries.next(acme);

        assertThat(receiver.received()).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("the only one"));
        assertThat(deliveries.all(acme)).hasSize(1);
    }

    @Test
    void aReceiverAnswering500IsRetriedThenMarkedFailedWhileTheMemberGetsTheResult() throws Exception {
        LoggedIn.as(dana, memberships);
        webhooks.set(receiver.url("/hook"));
        receiver.answer(500);

        GenerationDetails done = generateAs(ana, "a lighthouse");
        WebhookDelivery.WebhookDelivered outcome = deliveries.next(acme);

        assertThat(done.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(done.images()).hasSize(1);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3);
        LoggedIn.as(dana, memberships);
        assertThat(webhooks.settings()).get().satisfies(s -> {
            assertThat(s.lastStatus()).isEqualTo("failed");
            assertThat(s.lastHttpStatus()).isEqualTo(500);
            assertThat(s.lastError()).isEqualTo("HTTP 500 (3 attempts)");
            assertThat(s.failuresInARow()).isEqualTo(1);
        });
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        LoggedIn.as(dana, memberships);
        webhooks.set(receiver.url("/hook"));
        receiver.redirectTo(receiver.url("/elsewhere"));

        assertThat(webhooks.test().get()).isEqualTo(Notice.error("Test message failed: HTTP 302 (redirects are not followed)"));

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hook");
        assertThat(webhooks.settings().orElseThrow().lastStatus()).isEqualTo("failed");
    }

    @Test
    void aTestMessageIsDeliveredAndSettingAndClearingAreAuditedWithoutTheSecretPath() throws Exception {
        LoggedIn.as(dana, memberships);
        webhooks.set(receiver.url("/hooks/T000/B000/very-secret"));

        assertThat(webhooks.test().get()).isEqualTo(Notice.success("Test message delivered."));
        assertThat(json.readTree(receiver.received().get(0).body()).get("content").asText())
                .startsWith("🧪 Test message from ImGen Studio\nUser: Dana\n");
        assertThat(webhooks.clear()).isEqualTo("Generation logging disabled. The audit log stays on.");
        assertThat(webhooks.clear()).isEqualTo("No webhook is configured.");
        assertThat(webhooks.settings()).isEmpty();

        List<String> audit = db.select(AUDIT_LOG.ACTION.concat(" ").concat(AUDIT_LOG.DETAILS.cast(String.class)))
                .from(AUDIT_LOG).where(AUDIT_LOG.ACTOR_ID.eq(dana.id()).and(AUDIT_LOG.CATEGORY.eq("admin")))
                .orderBy(AUDIT_LOG.SEQ).fetch(0, String.class);
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).startsWith("admin.webhook.set").contains("\"before\": \"not set\"")
                .contains("http://127.0.0.1:");
        assertThat(audit.get(1)).startsWith("admin.webhook.cleared");
        assertThat(String.join(" ", audit)).doesNotContain("very-secret");
    }

    @Test
    void onlyHttpUrlsWithoutCredentialsAreAccepted() {
        LoggedIn.as(dana, memberships);
        for (String bad : List.of("ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "not a url",
                "http://user:pw@example.com/x", "https:///nohost", "")) {
            assertThatThrownBy(() -> webhooks.set(bad)).as(bad).isInstanceOf(UserInputException.class);
        }
        assertThat(webhooks.settings()).isEmpty();
    }

    @Test
    void membersCannotSeeOrChangeTheWebhook() {
        LoggedIn.as(ana, memberships);
        List<Consumer<WebhookService>> calls = List.of(WebhookService::settings, s -> s.set(receiver.url("/x")),
                WebhookService::clear, WebhookService::test);
        for (Consumer<WebhookService> call : calls) {
            assertThatThrownBy(() -> call.accept(webhooks)).isInstanceOf(AccessDeniedException.class);
        }
    }

    private GenerationDetails generateAs(TestUser member, String prompt) throws InterruptedException {
        LoggedIn.as(member, memberships);
        UUID id = generations.submit(GenerationRequest.of(prompt));
        audited.awaitFinished(id);
        return generations.find(id).orElseThrow();
    }
}
