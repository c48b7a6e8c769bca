package studio.imgen.admin;

import studio.imgen.access.AccessControl;
import studio.imgen.access.RoleAccessService;

import studio.imgen.generate.ImageOptions;
import studio.imgen.testsupport.CatalogSnapshot;
import studio.imgen.testsupport.Acme;
import studio.imgen.workspace.MemberService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.IMAGE_MODEL;
import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ModelCatalog;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;

/**
 * Issue 12: live model status from the key's model list, shutdown notices, the one-click replacement, the move on the
 * shutdown date and "model not found". Lifecycle dates are set on the tests' own catalogue rows, relative to the test
 * clock: Test Image B retires and Test Image A replaces it.
 */
@IntegrationTest
class ModelLifecycleTest {

    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    GenerationService generations;
    @Autowired
    AccessControl accessControl;
    @Autowired
    ModelLifecycleJob job;
    @Autowired
    ModelCatalog catalog;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;

    CatalogSnapshot snapshot;
    Acme acme;
    UUID designers;

    @BeforeEach
    void setUp() {
        fake.reset();
        snapshot = CatalogSnapshot.take(db);
        acme = Acme.create(users, memberships, roles, members);
        designers = acme.roleWithRule("Designers", 0, Set.of("test-image-b"), Set.of(), Set.of());
        acme.give(acme.ana(), designers);
        acme.asDana();
        settings.updateDefaults(new DefaultsChange("test-image-b", null, null, null, null),
                settings.defaultsForm().version());
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
        snapshot.restore();
        fake.reset();
    }

    @Test
    void adminsAreToldThirtySevenAndOneDaysAheadWhatUsesTheModelAndWhatReplacesIt() {
        retireTestImageB(31);
        assertThat(settings.overview().shutdowns()).isEmpty();

        LocalDate shutdown = retireTestImageB(30);
        ShutdownNotice notice = settings.overview().shutdowns().get(0);
        assertThat(settings.overview().shutdowns()).hasSize(1);
        assertThat(notice.urgency()).isEqualTo(ShutdownNotice.Urgency.NOTICE);
        assertThat(notice.sentence()).isEqualTo("Test Image B (test-image-b) shuts down on "
                + studio.imgen.catalog.ImageModel.day(shutdown) + " (in 30 days). Used by the workspace default model,"
                + " the rule of the Designers role. Its replacement is Test Image A; on the shutdown date ImGen Studio"
                + " switches to it by itself if nothing was done.");

        retireTestImageB(7);
        assertThat(settings.overview().shutdowns().get(0).urgency()).isEqualTo(ShutdownNotice.Urgency.WARNING);
        retireTestImageB(1);
        assertThat(settings.overview().shutdowns().get(0).urgency()).isEqualTo(ShutdownNotice.Urgency.URGENT);
        assertThat(settings.overview().shutdowns().get(0).sentence()).contains("(tomorrow)");

        // A line on Generate for admins only.
        assertThat(generations.form(null).shutdownNotices()).singleElement().extracting(ShutdownNotice::shortLine)
                .asString().startsWith("Test Image B shuts down on ").endsWith("Replace it with Test Image A in Settings.");
        acme.as(acme.ana());
        assertThat(generations.form(null).shutdownNotices()).isEmpty();
    }

    @Test
    void oneActionMovesTheDefaultAndEveryRuleToTheReplacementAndIsAudited() {
        retireTestImageB(7);

        assertThat(settings.applyReplacement("test-image-b")).isEqualTo("Test Image A replaces Test Image B for the"
                + " workspace default model, the rule of the Designers role.");

        assertThat(settings.defaultsForm().model()).isEqualTo("test-image-a");
        assertThat(roles.roles()).singleElement().satisfies(r -> assertThat(r.rule().orElseThrow().models())
                .containsExactly("test-image-a"));
        assertThat(settings.overview().shutdowns()).isEmpty();
        AuditLogRecord row = audit("admin.model.replaced").get(0);
        assertThat(row.getActorId()).isEqualTo(acme.dana().id());
        assertThat(row.getDetails().data()).contains("default model: test-image-b; rule Designers: test-image-b")
                .contains("default model: test-image-a; rule Designers: test-image-a");
        assertThatThrownBy(() -> settings.applyReplacement("test-image-a")).isInstanceOf(UserInputException.class)
                .hasMessage("That model is not retiring, so there is nothing to replace.");
    }

    @Test
    void onTheShutdownDateNobodyLosesAccessAndTheJobMovesWhatIsLeftAsASystemChange() throws InterruptedException {
        retireTestImageB(0);

        // Before the job has run: members already get the replacement, and the shut-down model is never sent.
        acme.as(acme.ana());
        assertThat(accessControl.limitsFor(acme.id(), acme.ana().id(), false).models()).containsExactly("test-image-a");
        GenerateForm form = generations.form(null);
        assertThat(form.models()).extracting(GenerateForm.ModelOption::id).containsExactly("test-image-a");
        assertThat(form.model()).isEqualTo("test-image-a");
        assertThatThrownBy(() -> generations.submit(request("lifecycle-gone", "test-image-b")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("That model is no longer available. Use Test Image A instead.");
        assertThat(Generations.awaitFinished(generations, generations.submit(request("lifecycle-default", null))).options().model())
                .isEqualTo("test-image-a");
        assertThat(fake.requests()).noneMatch(r -> r.bodyText().contains("test-image-b"));
        // A workspace still on gpt-5 (the old default), shut down on 2026-12-11 by the seeded catalogue.
        db.update(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.MAINLINE_MODEL, "gpt-5")
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(acme.id())).execute();
        acme.asDana();
        assertThat(settings.overview().shutdowns()).extracting(ShutdownNotice::modelId)
                .containsExactlyInAnyOrder("test-image-b", "gpt-5");

        job.runOnce();

        acme.asDana();
        assertThat(settings.defaultsForm().model()).isEqualTo("test-image-a");
        assertThat(roles.roles()).singleElement().satisfies(r -> assertThat(r.rule().orElseThrow().models())
                .containsExactly("test-image-a"));
        assertThat(settings.defaultsForm().threads().mainlineModel()).isEqualTo("gpt-5.4");
        assertThat(audit("admin.model.replaced")).extracting(AuditLogRecord::getTargetName)
                .containsExactlyInAnyOrder("test-image-b", "gpt-5");
        assertThat(audit("admin.model.replaced")).allSatisfy(row -> {
            assertThat(row.getActorId()).isNull();
            assertThat(row.getActorName()).isEqualTo("ImGen Studio (automatic)");
        });
        assertThat(settings.overview().shutdowns()).isEmpty();
        job.runOnce();
        assertThat(audit("admin.model.replaced")).hasSize(2);
    }

    @Test
    void theKeysModelListDecidesWhatMembersAreOffered() {
        fake.unlistModel("test-image-b");

        assertThat(settings.testApiKey()).isEqualTo(Notice.success("OpenAI accepted the key. It can use 2 models of the catalogue."));

        assertThat(settings.overview().modelStatus()).startsWith("Read ")
                .endsWith("Image models this key can use: GPT Image 2, Test Image A.");
        acme.as(acme.ana());
        // Ana's rule allows only Test Image B, which the key cannot use: she is told, nothing is sent.
        assertThat(generations.form(null).blocked()).contains(
                "No models are available for your roles. Ask an admin to configure access.");
        assertThatThrownBy(() -> generations.submit(request("lifecycle-unlisted", "test-image-b")))
                .hasMessage("That model is no longer available. Choose another model.");

        // A new key says nothing about the old key's list.
        acme.asDana();
        settings.setApiKey(TestUsers.API_KEY);
        assertThat(settings.overview().modelStatus()).startsWith("Not read yet");
    }

    @Test
    void announcedShutdownDatesAreKeptAndEveryChangeIsAudited() {
        settings.testApiKey();
        assertThat(audit("admin.model.shutdown_date_changed")).as("the first read only learns the dates").isEmpty();

        LocalDate announced = LocalDate.now(clock).plusDays(20);
        fake.listModel("test-image-b", announced.toString());
        settings.testApiKey();
        settings.testApiKey();

        assertThat(audit("admin.model.shutdown_date_changed")).singleElement().satisfies(row -> {
            assertThat(row.getActorId()).isNull();
            assertThat(row.getTargetName()).isEqualTo("test-image-b");
            assertThat(row.getDetails().data()).contains("no shutdown date").contains("shuts down on " + announced);
        });
        // The catalogue has no date for it; the one OpenAI announced to this key is what the notice shows.
        assertThat(settings.overview().shutdowns()).singleElement()
                .satisfies(n -> assertThat(n.shutdownOn()).isEqualTo(announced));

        fake.listModel("test-image-b", announced.plusDays(10).toString());
        settings.testApiKey();
        assertThat(audit("admin.model.shutdown_date_changed")).hasSize(2);
    }

    @Test
    void modelNotFoundMarksTheModelUnavailableTellsTheAdminsAndTheMemberReadsASentence() throws InterruptedException {
        fake.retireModel("test-image-b");
        acme.as(acme.ana());

        GenerationDetails failed = Generations.awaitFinished(generations,
                generations.submit(request("lifecycle-404", "test-image-b")));

        assertThat(failed.status()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("That model is no longer available to this workspace. Choose"
                + " another model; a workspace admin has been told.");
        long calls = fake.requests().size();
        assertThatThrownBy(() -> generations.submit(request("lifecycle-404 again", "test-image-b")))
                .hasMessage("That model is no longer available. Choose another model.");
        assertThat(fake.requests()).hasSize((int) calls);

        acme.asDana();
        assertThat(settings.overview().unavailableModels()).singleElement().asString()
                .startsWith("OpenAI answered that Test Image B (test-image-b) does not exist for this workspace's key");
        assertThat(audit("admin.model.unavailable")).singleElement()
                .satisfies(row -> assertThat(row.getActorId()).isNull());
    }

    /** Test Image B shuts down {@code days} from the test clock's today, replaced by Test Image A. */
    private LocalDate retireTestImageB(int days) {
        LocalDate shutdown = LocalDate.now(clock).plusDays(days);
        db.update(IMAGE_MODEL).set(IMAGE_MODEL.SHUTDOWN_ON, shutdown).set(IMAGE_MODEL.REPLACEMENT, "test-image-a")
                .where(IMAGE_MODEL.ID.eq("test-image-b")).execute();
        return shutdown;
    }

    private List<AuditLogRecord> audit(String action) {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(acme.id()).and(AUDIT_LOG.ACTION.eq(action)))
                .orderBy(AUDIT_LOG.SEQ).fetch();
    }

    private static GenerationRequest request(String prompt, String model) {
        return GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withModel(model).withSize("1024x1024")
                .withQuality("low"));
    }
}
