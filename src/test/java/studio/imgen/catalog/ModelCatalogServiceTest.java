package studio.imgen.catalog;

import studio.imgen.generate.ImageOptions;
import studio.imgen.testsupport.CatalogSnapshot;
import studio.imgen.testsupport.InstanceAdmins;
import studio.imgen.admin.WorkspaceSettingsService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.CHAT_MODEL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

@IntegrationTest
class ModelCatalogServiceTest {

    @Autowired
    ModelCatalogService catalogue;
    @Autowired
    ModelCatalog catalog;
    @Autowired
    GenerationService generations;
    @Autowired
    TestUsers users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    DSLContext db;
    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    FakeOpenAi fake;

    CatalogSnapshot snapshot;
    UUID workspace;
    TestUser root;

    @BeforeEach
    void setUp() {
        snapshot = CatalogSnapshot.take(db);
        workspace = users.workspaceWithKey("Catalogue");
        root = users.admin(workspace, "Root");
        InstanceAdmins.grantAndLogin(root, accounts, memberships, currentUser);
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
        snapshot.restore();
        fake.reset();
    }

    Map<String, ThrowingCallable> calls() {
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("models", catalogue::models);
        calls.put("add", () -> catalogue.add(draft("gpt-image-9", d -> d)));
        calls.put("update", () -> catalogue.update(edited("gpt-image-2", d -> d)));
        calls.put("setEnabled", () -> catalogue.setEnabled("gpt-image-2", false));
        calls.put("chatModels", catalogue::chatModels);
        calls.put("addChat", () -> catalogue.addChat(new ChatModelDraft("gpt-9", "GPT-9", true, true, null, null, null)));
        calls.put("updateChat", () -> catalogue.updateChat(ChatModelDraft.of(catalog.findChat("gpt-5.4").orElseThrow())));
        calls.put("uncataloguedModels", catalogue::uncataloguedModels);
        calls.put("addSeen", () -> catalogue.addSeen("gpt-image-2.5-flare"));
        return calls;
    }

    @ParameterizedTest
    @ValueSource(strings = {"workspace admin", "member", "session claiming the right", "nobody"})
    void everyCatalogueMethodIsRefusedWithoutTheInstanceRight(String caller) {
        List<ModelDraft> before = catalog.all().stream().map(ModelDraft::of).toList();
        switch (caller) {
            case "workspace admin" -> LoggedIn.as(users.admin(workspace, "Wanda"), memberships);
            case "member" -> LoggedIn.as(users.member(workspace, "Max"), memberships);
            // The principal says ROLE_INSTANCE_ADMIN, the database does not: the service check refuses.
            case "session claiming the right" -> InstanceAdmins.claim(users.admin(workspace, "Mallory"), memberships,
                    currentUser);
            default -> LoggedIn.nobody();
        }

        calls().forEach((name, call) -> assertThatThrownBy(call).as(name)
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class));
        assertThat(catalog.all().stream().map(ModelDraft::of).toList()).isEqualTo(before);
    }

    @Test
    void theFirstStartAdminIsAnInstanceAdmin() {
        UUID admin = accounts.findIdByUsername("admin").orElseThrow();
        assertThat(accounts.isInstanceAdmin(admin)).isTrue();
        assertThat(accounts.isInstanceAdmin(root.id())).isTrue();
        assertThat(accounts.isInstanceAdmin(users.admin(workspace, "Plain").id())).isFalse();
    }

    @Test
    void listsEveryModelWithItsLifecycle() {
        LocalDate today = catalog.today();
        LocalDate shutdown = today.plusDays(30);
        catalogue.update(edited("test-image-a", d -> withDates(d, today.minusDays(30), shutdown)));
        catalogue.update(edited("test-image-b", d -> withDates(d, today.minusDays(60), today)));

        assertThat(catalogue.models()).extracting(e -> e.model().id() + ": " + e.lifecycle()).contains(
                "gpt-image-2: Available", "test-image-b: Shut down",
                "test-image-a: Retiring on " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(shutdown));
    }

    @Test
    void anAddedModelIsOfferedAndAudited() {
        Notice message = catalogue.add(draft("gpt-image-2.5-flare", d -> d));

        assertThat(message).isEqualTo(Notice.success(
                "Added GPT Image Test (gpt-image-2.5-flare) to the catalogue. Members can choose it now."));
        assertThat(catalog.offered()).extracting(ImageModel::id).contains("gpt-image-2.5-flare");
        ImageModel added = catalog.find("gpt-image-2.5-flare").orElseThrow();
        assertThat(added.sizes()).containsExactly("auto", "1024x1024", "2048x1152");
        assertThat(added.prices().imageInCachedPerMillion()).isEqualByComparingTo("2.5");
        assertThat(added.isDefault()).isFalse();
        assertThat(audit("catalog.model_added")).singleElement().satisfies(row -> {
            assertThat(row.getWorkspaceId()).isEqualTo(workspace);
            assertThat(row.getActorId()).isEqualTo(root.id());
            assertThat(row.getTargetName()).isEqualTo("gpt-image-2.5-flare");
        });
    }

    @Test
    void aSaveThatChangesNothingIsInformationAndNotAudited() {
        assertThat(catalogue.update(edited("gpt-image-2", d -> d))).isEqualTo(Notice.info("No changes to GPT Image 2."));
        assertThat(catalogue.updateChat(ChatModelDraft.of(catalog.findChat("gpt-5.4").orElseThrow())).tone())
                .isEqualTo(Notice.Tone.INFO);
        assertThat(audit("catalog.model_updated")).isEmpty();
        assertThat(audit("catalog.chat_model_updated")).isEmpty();
    }

    @Test
    void anEditRecordsOnlyTheChangedFields() {
        Notice message = catalogue.update(edited("gpt-image-2", d -> new ModelDraft(d.id(), "GPT Image Two", d.enabled(),
                d.sizes(), d.qualities(), d.maxImages(), d.maxReferenceImages(), d.supportsTransparent(),
                d.supportsInputFidelity(), d.supportsMask(), d.supportsStreaming(), d.textIn(), d.textInCached(),
                d.imageIn(), d.imageInCached(), new BigDecimal("30.5"), d.textOut(), d.deprecatedFrom(), d.shutdownOn(),
                d.replacement(), d.ratesEstimated(), d.supportsCustomSizes())));

        assertThat(message).isEqualTo(Notice.success("Updated GPT Image Two: label, image output $/M."));
        assertThat(catalog.find("gpt-image-2").orElseThrow().prices().imageOutPerMillion()).isEqualByComparingTo("30.5");
        assertThat(audit("catalog.model_updated")).singleElement().satisfies(row -> assertThat(row.getDetails().data())
                .contains("label: GPT Image 2; image output $/M: 32.00")
                .contains("label: GPT Image Two; image output $/M: 30.50"));
    }

    @Test
    void aDisabledModelIsNeitherOfferedNorAcceptedOnSubmit() {
        assertThat(catalogue.setEnabled("test-image-b", false)).startsWith("Disabled Test Image B.");

        assertThat(catalog.offered()).extracting(ImageModel::id).doesNotContain("test-image-b");
        TestUser member = users.member(workspace, "Mia");
        LoggedIn.as(member, memberships);
        assertThat(generations.form(null).models()).extracting(m -> m.id()).doesNotContain("test-image-b");
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("a lighthouse", ImageOptions.DEFAULTS
                .withModel("test-image-b").withSize("1024x1024").withQuality("low"))))
                .isInstanceOf(UserInputException.class);
        assertThat(audit("catalog.model_disabled")).hasSize(1);
    }

    @Test
    void anImageModelIdSeenThroughAKeyIsAddedWithConservativeCapabilitiesInOneAction() {
        String seen = "gpt-image-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        fake.listModel(seen, null);
        fake.listModel(seen + "-2026-11-30", null);
        settings.testApiKey();

        assertThat(catalogue.uncataloguedModels()).extracting(SeenModel::id).contains(seen)
                .doesNotContain(seen + "-2026-11-30", "gpt-image-2", "test-image-a", "gpt-5.4");
        assertThat(catalogue.addSeen(seen)).isEqualTo("Added " + seen + " with conservative capabilities and"
                + " estimated rates. Edit it to enter what OpenAI documents for it.");

        ImageModel added = catalog.find(seen).orElseThrow();
        assertThat(added.enabled()).isTrue();
        assertThat(added.maxImages()).isEqualTo(1);
        assertThat(added.maxReferenceImages()).isZero();
        assertThat(added.supportsTransparent() || added.supportsMask() || added.supportsStreaming()
                || added.supportsInputFidelity() || added.supportsCustomSizes()).isFalse();
        assertThat(added.ratesEstimated()).isTrue();
        assertThat(added.prices()).isEqualTo(catalog.find("gpt-image-2").orElseThrow().prices());
        assertThat(catalogue.uncataloguedModels()).extracting(SeenModel::id).doesNotContain(seen);
        assertThat(audit("catalog.model_added")).hasSize(1);
        assertThatThrownBy(() -> catalogue.addSeen("gpt-image-never-listed")).isInstanceOf(UserInputException.class)
                .hasMessage("No workspace's key lists “gpt-image-never-listed” any more, or it is already in the"
                        + " catalogue. Reload the page.");
    }

    @Test
    void chatModelsAreEditedLikeImageModelsAndEveryChangeIsAudited() {
        assertThat(catalogue.chatModels()).extracting(e -> e.model().id()).startsWith("gpt-5.4-mini", "gpt-5.4")
                .contains("gpt-5", "o3", "gpt-4o");
        assertThat(catalogue.chatModels()).filteredOn(e -> e.model().id().equals("gpt-5")).singleElement()
                .satisfies(e -> {
                    assertThat(e.lifecycle()).isEqualTo("Shut down");
                    assertThat(e.offered()).isFalse();
                    assertThat(e.model().replacement()).isEqualTo("gpt-5.4");
                });

        assertThat(catalogue.addChat(new ChatModelDraft(" GPT-5.6 ", "GPT-5.6", true, true, null, null, null)))
                .isEqualTo(Notice.success("Added GPT-5.6 (gpt-5.6) to the chat models. Admins can choose it for conversations now."));
        assertThatThrownBy(() -> catalogue.addChat(new ChatModelDraft("gpt-image-2", "x", true, true, null, null,
                null))).hasMessageStartingWith("“gpt-image-2” is an image model.");
        assertThatThrownBy(() -> catalogue.updateChat(new ChatModelDraft("gpt-5.6", "GPT-5.6", true, true, null,
                null, "gpt-7"))).hasMessage("The replacement must be another chat model in the catalogue, e.g. gpt-5.4.");
        LocalDate shutdown = catalog.today().plusDays(90);
        assertThat(catalogue.updateChat(new ChatModelDraft("gpt-5.6", "GPT-5.6", true, true, null, shutdown,
                "gpt-5.5"))).isEqualTo(Notice.success("Updated GPT-5.6: shutdown on, replacement."));
        assertThat(audit("catalog.chat_model_added")).hasSize(1);
        assertThat(audit("catalog.chat_model_updated")).singleElement()
                .satisfies(row -> assertThat(row.getDetails().data()).contains("replacement: gpt-5.5"));
        db.deleteFrom(CHAT_MODEL).where(CHAT_MODEL.ID.eq("gpt-5.6")).execute();
    }

    @Test
    void aShutDownModelIsNotOfferedEvenWhenEnabled() {
        LocalDate yesterday = catalog.today().minusDays(1);
        catalogue.update(edited("test-image-b", d -> new ModelDraft(d.id(), d.label(), true, d.sizes(), d.qualities(),
                d.maxImages(), d.maxReferenceImages(), d.supportsTransparent(), d.supportsInputFidelity(),
                d.supportsMask(), d.supportsStreaming(), d.textIn(), d.textInCached(), d.imageIn(), d.imageInCached(),
                d.imageOut(), d.textOut(), yesterday.minusDays(30), yesterday, "gpt-image-2", d.ratesEstimated(),
                d.supportsCustomSizes())));

        assertThat(catalog.offered()).extracting(ImageModel::id).doesNotContain("test-image-b");
        assertThat(catalogue.models()).filteredOn(e -> e.model().id().equals("test-image-b"))
                .singleElement().satisfies(e -> {
                    assertThat(e.lifecycle()).isEqualTo("Shut down");
                    assertThat(e.offered()).isFalse();
                });
    }

    @Test
    void theLastOfferedModelCannotBeDisabled() {
        catalog.offered().stream().map(ImageModel::id).filter(id -> !id.equals("gpt-image-2"))
                .forEach(id -> catalogue.setEnabled(id, false));

        assertThatThrownBy(() -> catalogue.setEnabled("gpt-image-2", false)).isInstanceOf(UserInputException.class)
                .hasMessage("GPT Image 2 is the only model offered, so disabling it would stop every generation."
                        + " Enable another model first.");
        assertThat(catalog.offered()).extracting(ImageModel::id).containsExactly("gpt-image-2");
    }

    @Test
    void invalidEntriesAreRefusedWithASentenceSayingWhatToFix() {
        refused(draft("dall-e-9", d -> d), "“dall-e-9” does not look like an OpenAI image model id. Use the id exactly"
                + " as OpenAI lists it, e.g. gpt-image-2 or gpt-image-2.5-flare: lowercase letters, digits, dots and"
                + " dashes, starting with gpt-image- or chatgpt-image-.");
        refused(draft("GPT-Image-3", d -> d), "“GPT-Image-3” does not look like an OpenAI image model id. Use the id"
                + " exactly as OpenAI lists it, e.g. gpt-image-2 or gpt-image-2.5-flare: lowercase letters, digits,"
                + " dots and dashes, starting with gpt-image- or chatgpt-image-.");
        refused(draft("gpt-image-2", d -> d), "The catalogue already has a model “gpt-image-2”. Edit that one instead.");
        refused(draft("gpt-image-9", d -> withSizes(d, List.of("auto", "1000x1000"))),
                "Size 1000x1000: width 1000 is not a multiple of 16 pixels: try 992 or 1008.");
        refused(draft("gpt-image-9", d -> withSizes(d, List.of("4096x2048"))),
                "Size 4096x2048: too large: OpenAI allows at most 3840x2160 (8,294,400 pixels) and 3840 pixels on a side.");
        refused(draft("gpt-image-9", d -> withSizes(d, List.of("3840x1024"))),
                "Size 3840x1024: too narrow or too wide: the aspect ratio must be between 1:3 and 3:1.");
        refused(draft("gpt-image-9", d -> withSizes(d, List.of("big"))),
                "“big” is not a size: use WIDTHxHEIGHT in pixels, e.g. 1536x1024, or auto.");
        refused(draft("gpt-image-9", d -> withSizes(d, List.of("auto"))),
                "List at least one size besides auto, e.g. 1024x1024.");
        refused(draft("gpt-image-9", d -> withImageOut(d, new BigDecimal("-1"))),
                "The image output price cannot be negative.");
        refused(draft("gpt-image-9", d -> withImageOut(d, null)),
                "Enter the image output price in USD per million tokens (0 if OpenAI does not charge it).");
        refused(draft("gpt-image-9", d -> withDates(d, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 1))),
                "The deprecation date (1 March 2027) must be on or before the shutdown date (1 February 2027).");
        refused(draft("gpt-image-9", d -> withDates(d, LocalDate.of(2027, 3, 1), null)),
                "A deprecation date needs a shutdown date: enter when the model shuts down.");
        assertThat(catalog.find("gpt-image-9")).isEmpty();
        assertThat(audit("catalog.model_added")).isEmpty();
    }

    private void refused(ModelDraft draft, String message) {
        assertThatThrownBy(() -> catalogue.add(draft)).isInstanceOf(UserInputException.class).hasMessage(message);
    }

    private List<imgen.db.tables.records.AuditLogRecord> audit(String action) {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(workspace).and(AUDIT_LOG.ACTION.eq("admin." + action))).fetch();
    }

    private ModelDraft edited(String id, UnaryOperator<ModelDraft> change) {
        return change.apply(ModelDraft.of(catalog.find(id).orElseThrow()));
    }

    private static ModelDraft draft(String id, UnaryOperator<ModelDraft> change) {
        return change.apply(new ModelDraft(id, "GPT Image Test", true, List.of("auto", "1024x1024", "2048X1152"),
                List.of("auto", "low", "high"), 4, 8, true, true, true, true, new BigDecimal("5"), new BigDecimal("1.25"),
                new BigDecimal("10"), new BigDecimal("2.5"), new BigDecimal("40"), BigDecimal.ZERO, null, null, null, false, false));
    }

    private static ModelDraft withSizes(ModelDraft d, List<String> sizes) {
        return new ModelDraft(d.id(), d.label(), d.enabled(), sizes, d.qualities(), d.maxImages(), d.maxReferenceImages(),
                d.supportsTransparent(), d.supportsInputFidelity(), d.supportsMask(), d.supportsStreaming(), d.textIn(),
                d.textInCached(), d.imageIn(), d.imageInCached(), d.imageOut(), d.textOut(), d.deprecatedFrom(),
                d.shutdownOn(), d.replacement(), d.ratesEstimated(), d.supportsCustomSizes());
    }

    private static ModelDraft withImageOut(ModelDraft d, BigDecimal imageOut) {
        return new ModelDraft(d.id(), d.label(), d.enabled(), d.sizes(), d.qualities(), d.maxImages(),
                d.maxReferenceImages(), d.supportsTransparent(), d.supportsInputFidelity(), d.supportsMask(),
                d.supportsStreaming(), d.textIn(), d.textInCached(), d.imageIn(), d.imageInCached(), imageOut, d.textOut(),
                d.deprecatedFrom(), d.shutdownOn(), d.replacement(), d.ratesEstimated(), d.supportsCustomSizes());
    }

    private static ModelDraft withDates(ModelDraft d, LocalDate deprecatedFrom, LocalDate shutdownOn) {
        return new ModelDraft(d.id(), d.label(), d.enabled(), d.sizes(), d.qualities(), d.maxImages(),
                d.maxReferenceImages(), d.supportsTransparent(), d.supportsInputFidelity(), d.supportsMask(),
                d.supportsStreaming(), d.textIn(), d.textInCached(), d.imageIn(), d.imageInCached(), d.imageOut(),
                d.textOut(), deprecatedFrom, shutdownOn, d.replacement(), d.ratesEstimated(), d.supportsCustomSizes());
    }
}
