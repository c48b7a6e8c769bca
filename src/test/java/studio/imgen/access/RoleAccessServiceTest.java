package studio.imgen.access;

import studio.imgen.generate.ImageOptions;
import studio.imgen.testsupport.Acme;
import studio.imgen.testsupport.Jobs;
import studio.imgen.workspace.MemberService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.MEMBER_USAGE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.workspace.WorkspaceRole;

/** The role access grid on real PostgreSQL: §6 messages and scenarios 2, 9, 15, 20, 24, 25 and 27 of imgen-behaviour.md. */
@IntegrationTest
class RoleAccessServiceTest {

    static final String NO_ROLE = "You don't have a role that allows image generation.";

    @Autowired
    RoleAccessService roles;
    @Autowired
    MutableClock clock;
    @Autowired
    MemberService members;
    @Autowired
    AccessControl accessControl;
    @Autowired
    GenerationService generations;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;

    Acme acme;

    @BeforeEach
    void setUp() {
        fake.reset();
        acme = Acme.create(users, memberships, roles, members);
        acme.asDana();
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void scenario2_aMemberWithoutARuledRoleIsDeniedBeforeTheFormAndOnSubmitWithNoCall() {
        UUID designers = acme.roleWithRule("Designers", 30, Set.of(), Set.of(), Set.of());
        acme.roleWithRule("Marketing", 60, Set.of(), Set.of(), Set.of());
        acme.give(acme.ana(), designers);

        acme.as(acme.ben());
        assertThat(generations.form(null).blocked()).contains(NO_ROLE);
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("scenario-2 fox")))
                .isInstanceOf(UserInputException.class).hasMessage(NO_ROLE);
        assertThat(Jobs.callsMentioning(fake, "scenario-2")).isZero();

        acme.as(acme.ana());
        assertThat(generations.form(null).blocked()).isEmpty();
    }

    @Test
    void scenario9_aRoleChangeAppliesAtOnceEvenMidCooldown() throws InterruptedException {
        UUID slow = acme.roleWithRule("Slow", 300, Set.of(), Set.of(), Set.of());
        UUID quick = acme.roleWithRule("Quick", 30, Set.of(), Set.of(), Set.of());
        acme.give(acme.ana(), slow);
        countedSecondsAgo(acme.ana().id(), 40);

        acme.as(acme.ana());
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("too soon")))
                .hasMessageMatching("You're on cooldown\\. Try again in 4:(1\\d|20)\\.");
        assertThat(accessControl.limitsFor(acme.id(), acme.ana().id(), false).cooldownSeconds()).isEqualTo(300);

        acme.give(acme.ana(), slow, quick);

        assertThat(accessControl.limitsFor(acme.id(), acme.ana().id(), false).cooldownSeconds()).isEqualTo(30);
        acme.as(acme.ana());
        Jobs.awaitFinished(generations, generations.submit(GenerationRequest.of("now allowed")));
    }

    @Test
    void internsGetOnlyTheirOptionsAndAForgedSizeIsRefusedWithoutACall() {
        UUID interns = acme.roleWithRule("Interns", 120, Set.of("test-image-b"), Set.of("1024x1024"), Set.of("low"));
        acme.give(acme.ana(), interns);

        acme.as(acme.ana());
        var form = generations.form(null);
        assertThat(form.models()).extracting(m -> m.id()).containsExactly("test-image-b");
        assertThat(form.sizes()).extracting(Choice::value).containsExactly("1024x1024");
        assertThat(form.qualities()).extracting(Choice::value).containsExactly("low");
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("forged-interns",
                ImageOptions.DEFAULTS.withSize("1536x1024"))))
                .hasMessage("That size is not available for your role.");
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("forged-interns",
                ImageOptions.DEFAULTS.withModel("gpt-image-2"))))
                .hasMessage("That model is not available for your role.");
        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("forged-interns",
                ImageOptions.DEFAULTS.withQuality("high"))))
                .hasMessage("That quality setting is not available for your role.");
        assertThat(Jobs.callsMentioning(fake, "forged-interns")).isZero();
    }

    @Test
    void scenario20_clearAllRulesOpensAccessAndSaysSoOnlyOnce() {
        acme.roleWithRule("Designers", 30, Set.of(), Set.of(), Set.of());
        acme.roleWithRule("Marketing", 60, Set.of(), Set.of(), Set.of());
        acme.as(acme.ben());
        assertThat(generations.form(null).blocked()).contains(NO_ROLE);

        acme.asDana();
        assertThat(roles.clearRules())
                .isEqualTo("All role restrictions cleared. Image generation is now open to everyone.");
        assertThat(roles.clearRules()).isEqualTo("No role restrictions are currently configured.");
        assertThat(roles.accessSummary()).containsExactly("Open access (no role restrictions)");

        acme.as(acme.ben());
        assertThat(generations.form(null).blocked()).isEmpty();
        assertThat(accessControl.limitsFor(acme.id(), acme.ben().id(), false)).isEqualTo(EffectiveLimits.OPEN);
    }

    @Test
    void clearingRulesKeepsCooldownTimestamps() {
        acme.roleWithRule("Designers", 30, Set.of(), Set.of(), Set.of());
        countedSecondsAgo(acme.ana().id(), 5);
        OffsetDateTime before = lastCounted(acme.ana().id());

        roles.clearRules();

        assertThat(lastCounted(acme.ana().id())).isEqualTo(before);
    }

    @Test
    void scenario24_ruleFormValidationAndUpsert() {
        UUID designers = acme.role("Designers");
        UUID marketing = acme.role("Marketing");

        assertThatThrownBy(() -> roles.saveRule(draft(designers, "-5", Set.of())))
                .isInstanceOf(UserInputException.class).hasMessage("Cooldown must be 0 or greater.");
        assertThatThrownBy(() -> roles.saveRule(draft(designers, "abc", Set.of())))
                .hasMessage("Cooldown must be a number.");
        assertThatThrownBy(() -> roles.saveRule(draft(null, "60", Set.of()))).hasMessage("You must select a role.");

        assertThat(roles.saveRule(draft(designers, "60", Set.of("1024x1024", "1536x1024", "1024x1536"))))
                .isEqualTo("Updated access for Designers.");
        assertThat(roles.accessSummary()).singleElement().asString().contains("Sizes: All sizes (auto allowed)");

        assertThat(roles.saveRule(draft(designers, "10", Set.of("1024x1024"))))
                .isEqualTo("Updated access for Designers.");
        assertThat(roles.accessSummary()).containsExactly("Designers: 10s cooldown · Models: All models"
                + " · Sizes: 1024x1024 (Square) · Qualities: All qualities (auto allowed)");

        assertThatThrownBy(() -> roles.removeRule(marketing)).hasMessage("That role is not configured.");
        assertThat(roles.removeRule(designers)).isEqualTo("Removed access for Designers.");
        assertThat(roles.accessSummary()).containsExactly("Open access (no role restrictions)");
    }

    @Test
    void quotasAndBudgetAreStoredAndSummarised() {
        UUID designers = acme.role("Designers");

        roles.saveRule(new RuleDraft(designers, null, "30", Set.of("all"), Set.of("1024x1024", "1536x1024"),
                Set.of("low", "medium"), "50", "", "$20"));

        RoleOverview overview = roles.roles().get(0);
        assertThat(overview.summary()).isEqualTo("Designers: 30s cooldown · Models: All models"
                + " · Sizes: 1024x1024 (Square), 1536x1024 (Landscape) · Qualities: Low, Medium · 50/day"
                + " · $20.00/month budget");
        assertThat(overview.rule()).get().extracting(RoleRule::dailyQuota, RoleRule::monthlyBudgetMicros)
                .containsExactly(50, 20_000_000L);
    }

    @Test
    void scenario25_aRoleWithARuleCannotBeDeletedUntilTheRuleIsRemoved() {
        UUID designers = acme.roleWithRule("Designers", 30, Set.of(), Set.of(), Set.of());
        acme.give(acme.ana(), designers);

        assertThatThrownBy(() -> roles.deleteRole(designers)).isInstanceOf(UserInputException.class)
                .hasMessage("Designers has an access rule. Remove its access rule first.");
        assertThat(roles.roles()).hasSize(1);

        roles.removeRule(designers);
        assertThat(roles.deleteRole(designers)).isEqualTo("Deleted role Designers.");
        assertThat(roles.roles()).isEmpty();
        assertThat(members.members()).filteredOn(m -> m.userId().equals(acme.ana().id()))
                .singleElement().satisfies(m -> assertThat(m.roles()).isEmpty());
    }

    @Test
    void roleNamesAreRequiredAndUniqueIgnoringCase() {
        assertThat(roles.createRole("  Designers ", "#2563EB")).isEqualTo("Created role Designers.");
        assertThatThrownBy(() -> roles.createRole("designers", null))
                .hasMessage("A role named “designers” already exists.");
        assertThatThrownBy(() -> roles.createRole("  ", null)).hasMessage("Enter a role name.");
        assertThatThrownBy(() -> roles.createRole("x".repeat(51), null)).hasMessage("Role names are at most 50 characters.");
        assertThatThrownBy(() -> roles.createRole("Ops", "red")).hasMessage("Choose a colour like #2563eb.");

        RoleOverview designers = roles.roles().get(0);
        assertThat(designers.role().colour()).isEqualTo("#2563eb");
        assertThat(roles.updateRole(designers.role().id(), "Design", "#16a34a")).isEqualTo("Saved role Design.");
        assertThat(roles.roles()).extracting(r -> r.role().name()).containsExactly("Design");
    }

    @Test
    void scenario27_anotherWorkspacesRoleIsAnInvalidSelectionForEveryAction() {
        UUID acmeDesigners = acme.roleWithRule("Designers", 30, Set.of(), Set.of(), Set.of());
        UUID beta = users.workspaceWithKey("Beta");
        LoggedIn.as(users.admin(beta, "Bea"), memberships);

        assertThatThrownBy(() -> roles.saveRule(draft(acmeDesigners, "1", Set.of()))).hasMessage("Invalid role selection.");
        assertThatThrownBy(() -> roles.removeRule(acmeDesigners)).hasMessage("Invalid role selection.");
        assertThatThrownBy(() -> roles.deleteRole(acmeDesigners)).hasMessage("Invalid role selection.");
        assertThatThrownBy(() -> roles.updateRole(acmeDesigners, "Mine", null)).hasMessage("Invalid role selection.");
        assertThat(roles.clearRules()).isEqualTo("No role restrictions are currently configured.");
        assertThat(roles.roles()).isEmpty();

        acme.asDana();
        assertThat(roles.roles()).singleElement().satisfies(r -> assertThat(r.rule()).get()
                .extracting(RoleRule::cooldownSeconds).isEqualTo(30));
    }

    @Test
    void ruleOptionsOfferConcreteValuesOnly() {
        RuleOptions options = roles.ruleOptions();

        assertThat(options.sizes()).extracting(Choice::value).containsExactly("1024x1024", "1536x1024", "1024x1536");
        assertThat(options.qualities()).extracting(Choice::value).containsExactly("low", "medium", "high");
        assertThat(options.models()).extracting(Choice::value).contains("gpt-image-2", "test-image-b");
    }

    @Test
    void issue14_theFirstRuleWouldLockOutTheAdminWhoSavesItUnlessTheyTakeItsRole() {
        UUID designers = acme.role("Designers");
        UUID marketing = acme.role("Marketing");
        assertThat(generations.form(null).blocked()).isEmpty();
        assertThat(roles.ruleWouldLockMeOut(draft(designers, "30", Set.of()))).isTrue();
        assertThatThrownBy(() -> roles.ruleWouldLockMeOut(draft(designers, "abc", Set.of())))
                .isInstanceOf(UserInputException.class).hasMessage("Cooldown must be a number.");

        assertThat(roles.saveRuleAndTakeRole(draft(designers, "30", Set.of()))).isEqualTo("Updated access for"
                + " Designers. You now hold the Designers role, so you can still generate.");

        assertThat(generations.form(null).blocked()).isEmpty();
        assertThat(members.members()).filteredOn(m -> m.userId().equals(acme.dana().id())).singleElement()
                .satisfies(dana -> assertThat(dana.roles()).extracting(WorkspaceRole::name).containsExactly("Designers"));
        assertThat(roles.ruleWouldLockMeOut(draft(marketing, "60", Set.of()))).isFalse();

        acme.give(acme.dana());
        assertThat(roles.ruleWouldLockMeOut(draft(marketing, "60", Set.of()))).isTrue();
        roles.saveRule(draft(marketing, "60", Set.of()));
        assertThat(generations.form(null).blocked()).contains(NO_ROLE);
    }

    private static RuleDraft draft(UUID role, String cooldown, Set<String> sizes) {
        return new RuleDraft(role, "ignored", cooldown, Set.of(), sizes, Set.of(), null, null, null);
    }

    private void countedSecondsAgo(UUID userId, int seconds) {
        db.insertInto(MEMBER_USAGE).set(MEMBER_USAGE.WORKSPACE_ID, acme.id()).set(MEMBER_USAGE.USER_ID, userId)
                .set(MEMBER_USAGE.LAST_COUNTED_AT, OffsetDateTime.now(clock).minusSeconds(seconds))
                .set(MEMBER_USAGE.DAY_COUNT, 1).set(MEMBER_USAGE.MONTH_COUNT, 1)
                .execute();
    }

    private OffsetDateTime lastCounted(UUID userId) {
        return db.select(MEMBER_USAGE.LAST_COUNTED_AT).from(MEMBER_USAGE)
                .where(MEMBER_USAGE.WORKSPACE_ID.eq(acme.id()).and(MEMBER_USAGE.USER_ID.eq(userId)))
                .fetchOne(MEMBER_USAGE.LAST_COUNTED_AT);
    }
}
