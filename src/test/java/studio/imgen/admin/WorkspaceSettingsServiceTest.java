package studio.imgen.admin;

import studio.imgen.access.AccessControl;
import studio.imgen.access.Choice;
import studio.imgen.access.RuleDraft;
import studio.imgen.access.RoleAccessService;

import studio.imgen.testsupport.Jobs;
import studio.imgen.workspace.AdminActionPerformed;
import studio.imgen.workspace.MemberService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Key, defaults, admin exemption and overview (imgen-behaviour.md §6, scenarios 22, 26, 48). */
@IntegrationTest
@RecordApplicationEvents
class WorkspaceSettingsServiceTest {

    static final String KEY_40 = "sk-proj-abcdefghijklmnopqrstuvwxyz01WXYZ";

    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    MutableClock clock;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    AccessControl accessControl;
    @Autowired
    WorkspaceSettingsQuery settingsQuery;
    @Autowired
    ApiKeyVault vault;
    @Autowired
    GenerationService generations;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    ApplicationEvents events;

    UUID workspace;
    TestUser dana;

    @BeforeEach
    void setUp() {
        fake.reset();
        workspace = users.workspace("Acme");
        dana = users.admin(workspace, "Dana");
        LoggedIn.as(dana, memberships);
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void scenario22_setViewAndClearTheKey() {
        assertThat(settings.overview().keyLine()).isEqualTo("Not set");
        assertThatThrownBy(() -> settings.setApiKey("sk-0123456789abcdef")) // 19 characters
                .isInstanceOf(UserInputException.class).hasMessage("The API key must be 20 to 200 characters long.");

        assertThat(settings.setApiKey("  " + KEY_40 + " \n")).isEqualTo("OpenAI API key has been set for this workspace.");

        assertThat(vault.decrypt(workspace)).contains(KEY_40);
        SettingsOverview overview = settings.overview();
        assertThat(overview.keyConfigured()).isTrue();
        assertThat(overview.keyLine()).isEqualTo("Configured · ends with …WXYZ · set by Dana on "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(clock.instant()));
        assertThat(settings.clearApiKey()).isEqualTo(Notice.success("OpenAI API key has been removed."));
        assertThat(settings.clearApiKey()).isEqualTo(Notice.info("No API key is configured."));
        assertThat(vault.configured(workspace)).isFalse();
    }

    @Test
    void scenario48_keyChangesAreAuditedWithoutTheKey() {
        settings.setApiKey(KEY_40);
        settings.clearApiKey();

        List<AdminActionPerformed> audited = events.stream(AdminActionPerformed.class).toList();
        assertThat(audited).extracting(AdminActionPerformed::action).containsExactly("api_key.set", "api_key.cleared");
        assertThat(audited.get(0).after()).isEqualTo("configured, ends with …WXYZ");
        assertThat(audited).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(dana.id());
            assertThat(e.workspaceId()).isEqualTo(workspace);
            assertThat(e.toString()).doesNotContain(KEY_40).doesNotContain(KEY_40.substring(0, 20));
        });
    }

    @Test
    void testingTheKeyMakesOneCallWithItAndSaysWhatOpenAiAnswered() {
        assertThat(settings.testApiKey()).isEqualTo(Notice.info("No API key is configured."));
        settings.setApiKey(KEY_40);

        assertThat(settings.testApiKey()).isEqualTo(Notice.success("OpenAI accepted the key. It can use 3 models of the catalogue."));
        assertThat(fake.requestsTo(FakeOpenAi.MODELS)).singleElement()
                .satisfies(call -> assertThat(call.bearerToken()).isEqualTo(KEY_40));

        fake.enqueueFault(Fault.invalidApiKey());
        assertThat(settings.testApiKey()).isEqualTo(Notice.error("OpenAI rejected the key. Check that it was copied"
                + " completely and has not been revoked, then set it again."));
        fake.enqueueFault(Fault.insufficientQuota());
        assertThat(settings.testApiKey()).isEqualTo(Notice.warning("OpenAI knows the key but is busy or the account is out of"
                + " quota. Check billing, or test again later."));
    }

    @Test
    void scenario26_defaultsActionAndLaterSubmissionsWithoutAModelUseIt() throws InterruptedException {
        vault.store(workspace, TestUsers.API_KEY, dana.id());
        DefaultsForm form = settings.defaultsForm();
        assertThat(form.model()).isEqualTo("gpt-image-2");
        assertThat(form.size()).isEqualTo("auto");

        assertThat(settings.updateDefaults(DefaultsChange.NOTHING, form.version()))
                .isEqualTo(Notice.info("No changes specified. Use the options to set defaults."));
        assertThat(settings.updateDefaults(new DefaultsChange("test-image-b", null, null, null, null), form.version()))
                .isEqualTo(Notice.success("Updated default settings:\nModel: Test Image B (test-image-b)"));

        TestUser ana = users.member(workspace, "Ana");
        LoggedIn.as(ana, memberships);
        UUID id = generations.submit(GenerationRequest.of("defaults apply"));
        assertThat(generations.find(id).orElseThrow().options().model()).isEqualTo("test-image-b");
        Jobs.awaitFinished(generations, id);
    }

    @Test
    void defaultsAcceptLabelsListOnlyWhatChangedAndRefuseUnknownValues() {
        int version = settings.defaultsForm().version();

        assertThat(settings.updateDefaults(new DefaultsChange("GPT Image 2", "1024x1536 (Portrait)", "High", "WEBP",
                "opaque"), version)).isEqualTo(Notice.success("Updated default settings:\nModel: GPT Image 2 (gpt-image-2)"
                + "\nSize: 1024x1536 (Portrait)\nQuality: High\nOutput format: WEBP\nBackground: Opaque"));
        assertThat(settings.updateDefaults(new DefaultsChange("gpt-image-2", "1024x1536", null, null, null),
                settings.defaultsForm().version())).isEqualTo(Notice.info("No changes specified. Use the options to set defaults."));
        assertThat(settings.overview().defaults()).containsExactly("Model: GPT Image 2 (gpt-image-2)",
                "Size: 1024x1536 (Portrait)", "Quality: High", "Output format: WEBP", "Background: Opaque",
                "New edit threads: Conversation", "Conversation model: GPT-5.4 mini (gpt-5.4-mini)");

        int next = settings.defaultsForm().version();
        assertThatThrownBy(() -> settings.updateDefaults(new DefaultsChange("dall-e-3", null, null, null, null), next))
                .hasMessage("Invalid model selection.");
        assertThatThrownBy(() -> settings.updateDefaults(new DefaultsChange(null, "512x512", null, null, null), next))
                .hasMessage("Invalid size selection.");
        assertThatThrownBy(() -> settings.updateDefaults(new DefaultsChange(null, null, "ultra", null, null), next))
                .hasMessage("Invalid quality selection.");
        assertThatThrownBy(() -> settings.updateDefaults(new DefaultsChange(null, null, null, "gif", null), next))
                .hasMessage("Invalid output format selection.");
        assertThatThrownBy(() -> settings.updateDefaults(new DefaultsChange(null, null, null, "jpeg", "transparent"), next))
                .hasMessage("background=transparent is allowed only with png or webp output_format");
    }

    @Test
    void aSaveOverSomeoneElsesNewerSaveIsRefused() {
        int seen = settings.defaultsForm().version();
        settings.updateDefaults(new DefaultsChange(null, "1024x1024", null, null, null), seen);

        assertThatThrownBy(() -> settings.updateDefaults(new DefaultsChange(null, null, "low", null, null), seen))
                .isInstanceOf(UserInputException.class).hasMessage(DefaultsSettings.CONFLICT);
        assertThat(settings.defaultsForm().quality()).isEqualTo("auto");
        assertThat(settings.defaultsForm().size()).isEqualTo("1024x1024");
    }

    @Test
    void adminsSkipCooldownsByDefaultAndTheSettingTakesThatAway() {
        UUID designers = roleWithRule("Designers", 120);
        members.assignRoles(dana.id(), Set.of(designers));
        assertThat(settings.overview().adminExemption())
                .isEqualTo("Workspace admins skip cooldowns. Role access, quotas and budgets still apply to them.");
        assertThat(accessControl.limitsFor(workspace, dana.id(), true).cooldownSeconds()).isZero();

        assertThat(settings.setAdminExemptFromCooldown(false, settings.defaultsForm().version()))
                .isEqualTo(Notice.success("Workspace admins wait out cooldowns like everyone else."));

        assertThat(accessControl.limitsFor(workspace, dana.id(), true).cooldownSeconds()).isEqualTo(120);
    }

    @Test
    void editThreadDefaultsTakeAnOfferedChatModelOfTheCatalogueOnly() {
        assertThat(settings.defaultsForm().threads())
                .isEqualTo(new EditThreadDefaults(EditThreadDefaults.Mode.CONVERSATION, "gpt-5.4-mini"));
        assertThat(settings.defaultsForm().chatModels()).extracting(Choice::value)
                .containsExactly("gpt-5.4-mini", "gpt-5.4", "gpt-5.4-nano", "gpt-5.5", "gpt-5.2")
                .doesNotContain("gpt-5", "gpt-5-mini", "o3");
        int version = settings.defaultsForm().version();
        assertThatThrownBy(() -> settings.updateThreadDefaults(EditThreadDefaults.Mode.CONVERSATION, "gpt-image-1", version))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("Choose a conversation model from the"
                        + " list: “gpt-image-1” is not a chat model this installation offers.");
        // Shut down on 2026-12-11, long before the tests' clock.
        assertThatThrownBy(() -> settings.updateThreadDefaults(EditThreadDefaults.Mode.CONVERSATION, "gpt-5", version))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("Choose a conversation model from the list");

        assertThat(settings.updateThreadDefaults(EditThreadDefaults.Mode.DIRECT_EDIT, " GPT-5.4 ", version))
                .isEqualTo(Notice.success("New edit threads: Direct edit · conversation model GPT-5.4 (gpt-5.4)"));
        assertThat(settings.overview().defaults()).contains("New edit threads: Direct edit",
                "Conversation model: GPT-5.4 (gpt-5.4)");
        assertThatThrownBy(() -> settings.updateThreadDefaults(EditThreadDefaults.Mode.CONVERSATION, "gpt-5.5", version))
                .isInstanceOf(UserInputException.class).hasMessage(DefaultsSettings.CONFLICT);

        assertThat(settingsQuery.threadDefaults(workspace).mode()).isEqualTo(EditThreadDefaults.Mode.DIRECT_EDIT);
    }

    @Test
    void theOverviewListsEveryRuleOrOpenAccess() {
        assertThat(settings.overview().access()).containsExactly("Open access (no role restrictions)");
        roleWithRule("Designers", 30);
        roleWithRule("Marketing", 0);

        assertThat(settings.overview().access()).containsExactly(
                "Designers: 30s cooldown · Models: All models · Sizes: All sizes (auto allowed)"
                        + " · Qualities: All qualities (auto allowed)",
                "Marketing: No cooldown · Models: All models · Sizes: All sizes (auto allowed)"
                        + " · Qualities: All qualities (auto allowed)");
    }

    private UUID roleWithRule(String name, int cooldown) {
        roles.createRole(name, null);
        UUID id = roles.roles().stream().filter(r -> r.role().name().equals(name)).findFirst().orElseThrow().role().id();
        roles.saveRule(new RuleDraft(id, null, String.valueOf(cooldown), Set.of(), Set.of(), Set.of(), null, null, null));
        return id;
    }
}
