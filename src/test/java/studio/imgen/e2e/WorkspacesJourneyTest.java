package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Issue 14, defects 2 and 14 in Chromium. The instance admin creates "Design team" on the Workspaces page and appoints
 * its admin by invitation link; that admin sets the key and invites a member, who generates there, while Acme's
 * gallery and audit log and Design team's stay apart. The Workspaces page then shows members, key and spend; archiving
 * locks the member out and restoring lets them back. The admin sees that APP_PUBLIC_URL differs from the address they
 * use (the tests reach the app on a random port).
 */
class WorkspacesJourneyTest extends BrowserTest {

    private static final String PASSPHRASE = "a long invited passphrase";

    @Autowired
    GenerationService generations;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FakeOpenAi fake;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        LoggedIn.nobody();
        fake.reset();
    }

    @Test
    void theInstanceAdminCreatesDesignTeamWhoseAdminAndMemberWorkApartFromAcme() throws InterruptedException {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser root = users.admin(acme, "Root");
        accounts.setInstanceAdmin(root.id(), true);
        TestUser ana = users.member(acme, "Ana");
        LoggedIn.as(ana, memberships);
        GenerationDetails acmeSketch = Generations.awaitFinished(generations, generations.submit(
                GenerationRequest.of("acme secret sketch", ImageOptions.DEFAULTS.withSize("1024x1024").withQuality("low"))));
        org.assertj.core.api.Assertions.assertThat(acmeSketch.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        LoggedIn.nobody();

        // The instance admin: the Workspaces page, a warning about the configured public URL, a new workspace.
        BrowserLogin.logIn(page, url("login"), root.username(), TestUsers.PASSWORD);
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Workspaces")).click();
        assertThat(page.locator(".link-warning")).containsText("Invitation links use http://localhost:8080"
                + " (APP_PUBLIC_URL), but you are using http://localhost:" + port + ".");
        assertThat(page.locator(".workspaces-grid .member-name").filter(text("Acme-")).first()).isVisible();
        button(page, "New workspace").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Design team");
        shot(page, "workspaces-create");
        button(page, "Create workspace").click();
        Locator link = page.locator(".invitation-link input");
        assertThat(link).hasValue(Pattern.compile(".*/invite/[A-Za-z0-9_-]{43}$"));
        String adminToken = token(link.inputValue());
        shot(page, "workspaces-admin-link");
        button(page, "Done").click();
        assertThat(row(page, "Design team")).isVisible();

        // Design team's admin joins by the link, sets the key and invites a member.
        Page dee = register(adminToken, "dee", "Dee");
        assertThat(dee.locator(".banner")).containsText("OpenAI API key not configured");
        dee.navigate(url("admin"));
        dee.getByLabel("New API key").fill(TestUsers.API_KEY);
        button(dee, "Set key").click();
        assertThat(dee.locator(".key-status")).containsText("Configured");
        dee.navigate(url("admin?tab=members"));
        button(dee, "Invite with a link").click();
        button(dee, "Create link").click();
        Locator memberLink = dee.locator(".invitation-link input");
        assertThat(memberLink).hasValue(Pattern.compile(".*/invite/[A-Za-z0-9_-]{43}$"));
        String memberToken = token(memberLink.inputValue());
        button(dee, "Done").click();

        // The member generates in Design team.
        Page max = register(memberToken, "max", "Max");
        max.getByLabel("Prompt").fill("design team poster");
        button(max, "Generate").click();
        assertThat(max.locator(".result-thumb")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));

        // Apart: Acme's gallery and audit never show Design team's image, and the other way round.
        Page anaPage = open();
        BrowserLogin.logIn(anaPage, url("login"), ana.username(), TestUsers.PASSWORD);
        anaPage.navigate(url("gallery"));
        assertThat(anaPage.locator(".gallery-card").filter(text("acme secret sketch"))).hasCount(1);
        assertThat(anaPage.locator(".gallery-card").filter(text("design team poster"))).hasCount(0);
        page.navigate(url("audit"));
        assertThat(page.locator("vaadin-grid-cell-content").filter(text("acme secret sketch")).first()).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(text("design team poster"))).hasCount(0);
        dee.navigate(url("audit"));
        assertThat(dee.locator("vaadin-grid-cell-content").filter(text("design team poster")).first()).isVisible();
        assertThat(dee.locator("vaadin-grid-cell-content").filter(text("acme secret sketch"))).hasCount(0);
        dee.navigate(url("gallery"));
        assertThat(dee.locator(".gallery-card").filter(text("design team poster"))).hasCount(1);
        assertThat(dee.locator(".gallery-card").filter(text("acme secret sketch"))).hasCount(0);

        // The directory: two members, the key set, this month's spend.
        page.navigate(url("admin/workspaces"));
        assertThat(row(page, "Design team")).isVisible();
        List<String> cells = cells(page, "Design team");
        org.assertj.core.api.Assertions.assertThat(cells.subList(1, 3)).containsExactly("2", "Set");
        org.assertj.core.api.Assertions.assertThat(cells.get(3)).matches("\\$0\\.\\d*[1-9]\\d*");
        shot(page, "workspaces");
        page.evaluate("document.documentElement.setAttribute('theme', 'dark')");
        shot(page, "workspaces-dark");
        page.evaluate("document.documentElement.removeAttribute('theme')");

        // Archive: Max is out at his next page; restore: back in.
        button(page, "Archive Design team").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive").setExact(true)).click();
        assertThat(button(page, "Restore Design team")).isVisible();
        org.assertj.core.api.Assertions.assertThat(cells(page, "Design team").get(0)).contains("Archived");
        max.navigate(url("gallery"));
        assertThat(max.getByText("You are not in a workspace yet")).isVisible();
        button(page, "Restore Design team").click();
        assertThat(button(page, "Archive Design team")).isVisible();
        // His next page moves him back in, starting from Generate; then everything is there again.
        max.navigate(url("gallery"));
        assertThat(max.locator(".generate-form")).isVisible();
        max.navigate(url("gallery"));
        assertThat(max.locator(".gallery-card").filter(text("design team poster"))).hasCount(1);
    }

    private Page register(String token, String name, String displayName) {
        Page visitor = open();
        visitor.navigate(url("invite/" + token));
        visitor.getByLabel("Username").fill(TestUsers.unique(name));
        visitor.getByLabel("Display name").fill(displayName);
        visitor.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSPHRASE);
        visitor.getByLabel("Repeat password").fill(PASSPHRASE);
        button(visitor, "Create account and join").click();
        assertThat(visitor.locator("vaadin-side-nav")).isAttached();
        return visitor;
    }

    private Page open() {
        BrowserContext context = browserContext.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 860));
        contexts.add(context);
        Page opened = context.newPage();
        opened.setDefaultTimeout(20_000);
        return opened;
    }

    /** The workspace's name cell (its first cell in the grid). */
    private static Locator row(Page page, String name) {
        return page.locator(".workspaces-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHas(page.locator(".member-name", new Page.LocatorOptions().setHasText(
                        Pattern.compile("^" + name + "$")))));
    }

    /** The texts of the workspace's row, read through the grid's shadow rows (cells are slotted light DOM). */
    @SuppressWarnings("unchecked")
    private static List<String> cells(Page page, String name) {
        return (List<String>) page.evaluate("name => { const grid = document.querySelector('.workspaces-grid');"
                + " const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                + "   .find(c => c.querySelector('.member-name')?.textContent === name);"
                + " return [...cell.assignedSlot.closest('tr').querySelectorAll('slot')]"
                + "   .map(s => (s.assignedElements()[0]?.textContent || '').trim()); }", name);
    }

    private static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
