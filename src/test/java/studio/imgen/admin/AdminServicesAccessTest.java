package studio.imgen.admin;

import studio.imgen.access.RoleRule;
import studio.imgen.access.RuleDraft;
import studio.imgen.access.RoleAccessService;

import studio.imgen.testsupport.Acme;
import studio.imgen.workspace.MemberService;
import studio.imgen.workspace.MemberSummary;
import studio.imgen.workspace.NewMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import studio.imgen.base.Notice;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;

/**
 * Every public method of every admin service refuses (security-reliability.md matrix rows 5–6, scenario 23): a plain
 * member; a member whose session still claims admin rights the database no longer grants; nobody logged in. And an
 * admin of another workspace cannot reach this workspace's roles, rules or members by id. A new service method without
 * a row here fails {@link #everyPublicMethodIsCoveredAndAnnotated()}.
 */
@IntegrationTest
class AdminServicesAccessTest {

    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    MemberService members;
    @Autowired
    RoleAccessService roles;
    @Autowired
    ApiKeyVault vault;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    CurrentUser currentUser;

    Acme acme;
    UUID designers;

    @BeforeEach
    void setUp() {
        acme = Acme.create(users, memberships, roles, members);
        designers = acme.roleWithRule("Designers", 30, Set.of(), Set.of(), Set.of());
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    /** One call per public service method, named "Service.method". */
    Map<String, ThrowingCallable> calls() {
        UUID ana = acme.ana().id();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("WorkspaceSettingsService.overview", settings::overview);
        calls.put("WorkspaceSettingsService.defaultsForm", settings::defaultsForm);
        calls.put("WorkspaceSettingsService.setApiKey", () -> settings.setApiKey("sk-stolen-0123456789abcdefghij"));
        calls.put("WorkspaceSettingsService.clearApiKey", settings::clearApiKey);
        calls.put("WorkspaceSettingsService.testApiKey", settings::testApiKey);
        calls.put("WorkspaceSettingsService.updateDefaults",
                () -> settings.updateDefaults(new DefaultsChange(null, "1024x1024", null, null, null), 0));
        calls.put("WorkspaceSettingsService.setAdminExemptFromCooldown", () -> settings.setAdminExemptFromCooldown(false, 0));
        calls.put("WorkspaceSettingsService.updateThreadDefaults",
                () -> settings.updateThreadDefaults(EditThreadDefaults.Mode.DIRECT_EDIT, "gpt-5.4", 0));
        calls.put("WorkspaceSettingsService.applyReplacement", () -> settings.applyReplacement("gpt-5"));
        calls.put("MemberService.members", members::members);
        calls.put("MemberService.assignableRoles", members::assignableRoles);
        calls.put("MemberService.createMember",
                () -> members.createMember(new NewMember(TestUsers.unique("mallory"), "Mallory", "a fine password 1", true)));
        calls.put("MemberService.addExistingUser", () -> members.addExistingUser(acme.ana().username(), true));
        calls.put("MemberService.resetPassword", () -> members.resetPassword(acme.dana().id(), "a fine password 1"));
        calls.put("MemberService.setActive", () -> members.setActive(acme.dana().id(), false));
        calls.put("MemberService.setAdmin", () -> members.setAdmin(ana, true));
        calls.put("MemberService.assignRoles", () -> members.assignRoles(ana, Set.of(designers)));
        calls.put("RoleAccessService.roles", roles::roles);
        calls.put("RoleAccessService.accessSummary", roles::accessSummary);
        calls.put("RoleAccessService.ruleOptions", roles::ruleOptions);
        calls.put("RoleAccessService.createRole", () -> roles.createRole("Shadow", null));
        calls.put("RoleAccessService.updateRole", () -> roles.updateRole(designers, "Owned", null));
        calls.put("RoleAccessService.deleteRole", () -> roles.deleteRole(designers));
        calls.put("RoleAccessService.saveRule", () -> roles.saveRule(
                new RuleDraft(designers, null, "0", Set.of(), Set.of(), Set.of(), null, null, null)));
        calls.put("RoleAccessService.ruleWouldLockMeOut", () -> roles.ruleWouldLockMeOut(
                new RuleDraft(designers, null, "0", Set.of(), Set.of(), Set.of(), null, null, null)));
        calls.put("RoleAccessService.saveRuleAndTakeRole", () -> roles.saveRuleAndTakeRole(
                new RuleDraft(designers, null, "0", Set.of(), Set.of(), Set.of(), null, null, null)));
        calls.put("RoleAccessService.removeRule", () -> roles.removeRule(designers));
        calls.put("RoleAccessService.clearRules", roles::clearRules);
        return calls;
    }

    @ParameterizedTest
    @ValueSource(strings = {"member", "stale admin session", "outsider claiming admin", "nobody"})
    void everyAdminMethodIsRefusedAndNothingChanges(String caller) {
        switch (caller) {
            case "member" -> acme.as(acme.ana());
            // The session says ROLE_ADMIN (e.g. rights revoked since login); the database check must still refuse.
            case "stale admin session" -> currentUser.replace(new StudioUser(acme.ben().id(), acme.ben().username(),
                    "Ben", null, true, false, new ActiveMembership(acme.id(), "Acme", true)));
            // An admin of another workspace whose session claims to be an admin of this one.
            case "outsider claiming admin" -> {
                TestUsers.TestUser bea = users.admin(users.workspace("Beta"), "Bea");
                currentUser.replace(new StudioUser(bea.id(), bea.username(), "Bea", null, true, false,
                        new ActiveMembership(acme.id(), "Acme", true)));
            }
            default -> LoggedIn.nobody();
        }

        // Without any login, method security refuses before authorization even starts.
        calls().forEach((name, call) -> assertThatThrownBy(call).as(name)
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class));

        acme.asDana();
        assertThat(vault.decrypt(acme.id())).contains(TestUsers.API_KEY);
        assertThat(roles.roles()).singleElement().satisfies(r -> {
            assertThat(r.role().name()).isEqualTo("Designers");
            assertThat(r.rule()).get().extracting(RoleRule::cooldownSeconds).isEqualTo(30);
            assertThat(r.members()).isZero();
        });
        assertThat(members.members()).filteredOn(MemberSummary::admin).extracting(MemberSummary::displayName)
                .containsExactly("Dana");
        assertThat(settings.defaultsForm().size()).isEqualTo("auto");
    }

    @Test
    void anAdminOfAnotherWorkspaceCannotReachThisOneById() {
        LoggedIn.as(users.admin(users.workspace("Beta"), "Bea"), memberships);

        assertThatThrownBy(() -> roles.saveRule(new RuleDraft(designers, null, "0", Set.of(), Set.of(), Set.of(),
                null, null, null))).hasMessage("Invalid role selection.");
        assertThatThrownBy(() -> roles.deleteRole(designers)).hasMessage("Invalid role selection.");
        assertThatThrownBy(() -> members.setActive(acme.ana().id(), false))
                .hasMessage("That person is not a member of this workspace.");
        assertThatThrownBy(() -> members.resetPassword(acme.ana().id(), "a fine password 1"))
                .hasMessage("That person is not a member of this workspace.");
        assertThatThrownBy(() -> members.setAdmin(acme.ana().id(), true))
                .hasMessage("That person is not a member of this workspace.");
        assertThat(settings.clearApiKey()).isEqualTo(Notice.info("No API key is configured."));
        assertThat(roles.clearRules()).isEqualTo("No role restrictions are currently configured.");
        assertThat(members.members()).extracting(MemberSummary::displayName).containsExactly("Bea");

        acme.asDana();
        assertThat(vault.configured(acme.id())).isTrue();
        assertThat(roles.roles()).singleElement().satisfies(r -> assertThat(r.rule()).isPresent());
        assertThat(members.members()).filteredOn(MemberSummary::active).hasSize(4);
    }

    @Test
    void everyPublicMethodIsCoveredAndAnnotated() {
        Set<String> declared = Stream.of(WorkspaceSettingsService.class, MemberService.class, RoleAccessService.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                        .peek(m -> assertThat(m.getAnnotation(RolesAllowed.class)).as(m.toString()).isNotNull()
                                .extracting(RolesAllowed::value).isEqualTo(new String[] {"ADMIN"}))
                        .map(AdminServicesAccessTest::name))
                .collect(Collectors.toSet());

        assertThat(calls().keySet()).containsExactlyInAnyOrderElementsOf(declared);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
