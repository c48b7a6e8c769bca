package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static imgen.db.Tables.IMAGE_MODEL;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.admin.DefaultsChange;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Issue 12's browser journey. Test Image B, which the Designers' rule and the workspace default use, shuts down in a
 * week (dates relative to the test clock): the admin sees the notice on Generate and in Settings and applies the
 * replacement in one click. OpenAI's model list shows the admin's key a new image model id: the instance admin adds
 * it to the catalogue in one click. A designer generates at 1536x864 with "Custom…". Screens are saved light and dark.
 */
class ModelLifecycleJourneyTest extends BrowserTest {

    @Autowired
    RoleAccessService roles;
    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    MemberService members;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;

    private final String seen = "gpt-image-" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");

    @AfterEach
    void putTheCatalogueBack() {
        LoggedIn.nobody();
        fake.reset();
        db.update(IMAGE_MODEL).setNull(IMAGE_MODEL.SHUTDOWN_ON).setNull(IMAGE_MODEL.REPLACEMENT)
                .where(IMAGE_MODEL.ID.eq("test-image-b")).execute();
        db.deleteFrom(IMAGE_MODEL).where(IMAGE_MODEL.ID.eq(seen)).execute();
    }

    @Test
    void aRetiringModelIsReplacedANewOneIsAddedAndAMemberGeneratesAtACustomSize() {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(acme, "Dana");
        TestUser mia = users.member(acme, "Mia");
        TestUser root = users.admin(acme, "Root");
        accounts.setInstanceAdmin(root.id(), true);
        LoggedIn.as(dana, memberships);
        roles.createRole("Designers", null);
        UUID designers = roles.roles().get(0).role().id();
        roles.saveRule(new RuleDraft(designers, null, "0", Set.of("test-image-b", "gpt-image-2"), Set.of("1024x1024"),
                Set.of(), null, null, null, "2560x1440"));
        members.assignRoles(mia.id(), Set.of(designers));
        settings.updateDefaults(new DefaultsChange("test-image-b", null, null, null, null),
                settings.defaultsForm().version());
        LoggedIn.nobody();
        LocalDate shutdown = LocalDate.now(clock).plusDays(7);
        db.update(IMAGE_MODEL).set(IMAGE_MODEL.SHUTDOWN_ON, shutdown).set(IMAGE_MODEL.REPLACEMENT, "test-image-a")
                .where(IMAGE_MODEL.ID.eq("test-image-b")).execute();
        fake.listModel(seen, null);

        // The admin: a line on Generate, the notice in Settings, one click.
        logIn(dana.username(), TestUsers.PASSWORD);
        Locator generateLine = page.locator(".generate-shutdowns .shutdown-notice");
        assertThat(generateLine).hasText(Pattern.compile("Test Image B shuts down on .*: used by the workspace default"
                + " model, the rule of the Designers role\\. Replace it with Test Image A in Settings\\.Open settings"));
        shots(page, "lifecycle-generate-admin");
        page.navigate(url("admin"));
        button(page, "Test key").click();
        assertThat(page.locator(".key-test-result"))
                .hasText(Pattern.compile("OpenAI accepted the key\\. It can use \\d+ models of the catalogue\\."));
        Locator notice = page.locator(".overview-card .shutdown-notice");
        assertThat(notice).containsText("Test Image B (test-image-b) shuts down on");
        assertThat(notice).containsText("(in 7 days). Used by the workspace default model, the rule of the Designers"
                + " role. Its replacement is Test Image A");
        shots(page, "lifecycle-settings-notice");
        button(page, "Use Test Image A everywhere").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(
                "Test Image A replaces Test Image B for the workspace default model, the rule of the Designers role.")))
                .isVisible();
        assertThat(notice).hasCount(0);
        assertThat(page.locator(".overview-card")).containsText("Models: GPT Image 2, Test Image A");

        // The instance admin: the id the key lists is missing from the catalogue; one click adds it.
        try (BrowserContext rootContext = newContext()) {
            Page admin = rootContext.newPage();
            admin.setDefaultTimeout(20_000);
            BrowserLogin.logIn(admin, url("login"), root.username(), TestUsers.PASSWORD);
            admin.navigate(url("admin/models"));
            Locator seenRow = admin.locator(".seen-model-grid vaadin-grid-cell-content").filter(
                    new Locator.FilterOptions().setHasText(seen));
            assertThat(seenRow).isVisible();
            shots(admin, "lifecycle-catalogue-seen");
            button(admin, "Add " + seen + " to the catalogue").click();
            assertThat(admin.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(
                    "Added " + seen + " with conservative capabilities and estimated rates."))).isVisible();
            assertThat(admin.locator(".catalogue-grid vaadin-grid-cell-content").filter(
                    new Locator.FilterOptions().setHasText(seen)).first()).isVisible();
            assertThat(admin.locator(".chat-model-grid vaadin-grid-cell-content").filter(
                    new Locator.FilterOptions().setHasText("gpt-5.4-mini")).first()).isVisible();
            shots(admin, "lifecycle-catalogue");
        }

        // The designer: "Custom…" with width and height, checked as she types, then 1536x864.
        browserContext.clearCookies();
        logIn(mia.username(), TestUsers.PASSWORD);
        assertThat(page.locator(".generate-form")).isVisible();
        assertThat(page.locator(".generate-shutdowns .shutdown-notice")).hasCount(0);
        choose("Model", "GPT Image 2");
        choose("Size", "Custom…");
        Locator width = page.locator(".custom-size vaadin-integer-field").filter(new Locator.FilterOptions()
                .setHas(page.locator("label", new Page.LocatorOptions().setHasText("Width")))).locator("input");
        Locator height = page.locator(".custom-size vaadin-integer-field").filter(new Locator.FilterOptions()
                .setHas(page.locator("label", new Page.LocatorOptions().setHasText("Height")))).locator("input");
        width.fill("1000");
        height.fill("864");
        assertThat(page.locator(".custom-size-note"))
                .hasText("Width 1000 is not a multiple of 16 pixels: try 992 or 1008.");
        width.fill("3840");
        height.fill("2160");
        assertThat(page.locator(".custom-size-note"))
                .hasText("Your role allows custom sizes up to 3,686,400 pixels; this is 8,294,400 pixels.");
        shots(page, "lifecycle-custom-size-invalid");
        width.fill("1536");
        height.fill("864");
        assertThat(page.locator(".custom-size-note")).hasText("1536x864 · 1,327,104 pixels");
        page.getByLabel("Prompt").fill("a harbour at dusk, wide");
        button(page, "Generate").click();
        Locator card = page.locator(".generation-card").first();
        assertThat(card.locator(".chips")).containsText("1536x864");
        assertThat(card.locator("img").first()).isVisible();
        assertThat(card).containsText(Pattern.compile("Cost ≈ \\$\\d+\\.\\d{4} \\(estimated\\)"));
        org.assertj.core.api.Assertions.assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).last()
                .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r.jsonMap())
                        .containsEntry("size", "1536x864").containsEntry("model", "gpt-image-2"));
        shots(page, "lifecycle-generated-custom");
    }

    /** Picks an item of the Select with that label (its list is in the select's light DOM since Vaadin 25). */
    private void choose(String label, String item) {
        page.locator("vaadin-select").filter(new Locator.FilterOptions()
                .setHas(page.locator("label", new Page.LocatorOptions().setHasText(label)))).first().click();
        page.locator("vaadin-select[opened] vaadin-select-list-box vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(item)).first().click();
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
    }

    private BrowserContext newContext() {
        return browserContext.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The page as it is, light and then dark, to look at; not compared with anything. */
    private static void shots(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
        page.evaluate("document.documentElement.setAttribute('theme', 'dark')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + "-dark.png"))
                .setFullPage(true));
        page.evaluate("document.documentElement.removeAttribute('theme')");
    }
}
