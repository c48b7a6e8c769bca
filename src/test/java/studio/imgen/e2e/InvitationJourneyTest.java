package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.workspace.CreatedInvitation;
import studio.imgen.workspace.InvitationAcceptance;
import studio.imgen.workspace.InvitationDraft;
import studio.imgen.workspace.InvitationExpiry;
import studio.imgen.workspace.InvitationService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Invitation links end to end: the admin creates one for the role "Interns", a visitor in a fresh browser opens it,
 * registers and lands logged in, in the workspace, limited to the role's options. An expired link shows one sentence
 * and the way to the login page. Also screenshots the model catalogue and the invitation dialog, light and dark.
 */
class InvitationJourneyTest extends BrowserTest {

    @Autowired
    RoleAccessService roles;
    @Autowired
    InvitationService invitations;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    UserAccounts accounts;

    @AfterEach
    void resetClock() {
        clock.reset();
        LoggedIn.nobody();
    }

    @Test
    void anInviteeRegistersThroughTheLinkAndLandsInTheWorkspaceWithTheRole() {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(acme, "Dana");
        LoggedIn.as(dana, memberships);
        roles.createRole("Interns", null);
        UUID interns = roles.roles().get(0).role().id();
        roles.saveRule(new RuleDraft(interns, null, "120", Set.of("test-image-b"), Set.of("1024x1024"),
                Set.of("low"), null, null, null));
        LoggedIn.nobody();

        BrowserLogin.logIn(page, url("login"), dana.username(), TestUsers.PASSWORD);
        page.navigate(url("admin?tab=members"));
        button(page, "Invite with a link").click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Interns").setExact(true)).check();
        screenshot(page, "invitation-dialog");
        button(page, "Create link").click();
        Locator link = page.locator(".invitation-link input");
        assertThat(link).hasValue(java.util.regex.Pattern.compile(".*/invite/[A-Za-z0-9_-]{43}$"));
        String value = link.inputValue();
        String token = value.substring(value.lastIndexOf('/') + 1);
        screenshot(page, "invitation-link");
        button(page, "Done").click();
        assertThat(page.locator(".invitations-grid vaadin-grid-cell-content .role-badge").filter(
                new Locator.FilterOptions().setHasText("Interns"))).isVisible();

        String username = TestUsers.unique("ivy");
        try (BrowserContext guest = browserContext.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(820, 1180))) {
            Page visitor = guest.newPage();
            visitor.setDefaultTimeout(20_000);
            visitor.navigate(url("invite/" + token));
            assertThat(visitor.locator(".invite-title")).hasText(java.util.regex.Pattern.compile("Join Acme.*"));
            assertThat(visitor.locator(".invite-details")).hasText("Dana invited you with the role Interns.");
            visitor.getByLabel("Username").fill(username);
            visitor.getByLabel("Display name").fill("Ivy");
            visitor.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a long invited passphrase");
            visitor.getByLabel("Repeat password").fill("a long invited passphrase");
            screenshot(visitor, "invite-register");
            button(visitor, "Create account and join").click();

            try {
                assertThat(visitor.locator("vaadin-side-nav")).isAttached();
            } catch (AssertionError e) {
                screenshot(visitor, "invite-register-failed");
                throw e;
            }
            assertThat(visitor.locator(".generate-form")).isVisible();
            org.assertj.core.api.Assertions.assertThat(offered(visitor, "Model")).containsExactly("Test Image B");
            org.assertj.core.api.Assertions.assertThat(offered(visitor, "Quality")).containsExactly("Low");
            UUID ivy = accounts.findIdByUsername(username).orElseThrow();
            org.assertj.core.api.Assertions.assertThat(memberships.resolve(ivy, null)).get()
                    .satisfies(m -> org.assertj.core.api.Assertions.assertThat(m.workspaceId()).isEqualTo(acme));

            // The link worked once.
            visitor.navigate(url("invite/" + token));
            assertThat(visitor.locator(".invite-invalid")).hasText(InvitationAcceptance.INVALID);
        }

        LoggedIn.as(dana, memberships);
        CreatedInvitation expiring = invitations.create(new InvitationDraft(Set.of(), false, InvitationExpiry.ONE_DAY));
        LoggedIn.nobody();
        clock.advance(Duration.ofDays(2));
        try (BrowserContext late = browserContext.browser().newContext()) {
            Page visitor = late.newPage();
            visitor.setDefaultTimeout(20_000);
            String lateToken = expiring.link().substring(expiring.link().lastIndexOf('/') + 1);
            visitor.navigate(url("invite/" + lateToken));
            assertThat(visitor.locator(".invite-invalid")).hasText(InvitationAcceptance.INVALID);
            assertThat(visitor.getByText("Go to the login page")).isVisible();
            org.assertj.core.api.Assertions.assertThat(visitor.locator("input").count()).isZero();
            screenshot(visitor, "invite-expired");
        }
    }

    @Test
    void catalogueAndInvitationDialogInLightAndDark() {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser root = users.admin(acme, "Root");
        accounts.setInstanceAdmin(root.id(), true);
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            String suffix = scheme == ColorScheme.DARK ? "-dark" : "";
            try (BrowserContext context = browserContext.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 860).setColorScheme(scheme))) {
                Page admin = context.newPage();
                admin.setDefaultTimeout(20_000);
                BrowserLogin.logIn(admin, url("login"), root.username(), TestUsers.PASSWORD);
                assertThat(admin.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Models")))
                        .isVisible();
                admin.navigate(url("admin/models"));
                assertThat(admin.locator(".catalogue-grid vaadin-grid-cell-content").filter(
                        new Locator.FilterOptions().setHasText("gpt-image-2")).first()).isVisible();
                screenshot(admin, "catalogue" + suffix);
                admin.locator(".row-actions vaadin-button").filter(new Locator.FilterOptions().setHasText("Edit")).first()
                        .click();
                assertThat(admin.locator("vaadin-dialog-overlay[opened]")).isVisible();
                screenshot(admin, "catalogue-edit" + suffix);
                button(admin, "Cancel").click();

                admin.navigate(url("admin?tab=members"));
                button(admin, "Invite with a link").click();
                assertThat(admin.locator("vaadin-dialog-overlay[opened]")).isVisible();
                screenshot(admin, "invitation-dialog" + suffix);
            }
        }
    }

    /** The labels a Select offers, read from its open list (in the select's light DOM since Vaadin 25). */
    private static List<String> offered(Page page, String label) {
        Locator select = page.locator("vaadin-select").filter(new Locator.FilterOptions()
                .setHas(page.locator("label", new Page.LocatorOptions().setHasText(label))));
        select.first().click();
        Locator items = page.locator("vaadin-select[opened] vaadin-select-list-box vaadin-select-item");
        assertThat(items.first()).isVisible();
        List<String> labels = items.allInnerTexts().stream().map(String::strip).toList();
        page.keyboard().press("Escape");
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
        return labels;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
