package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.MouseButton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.gallery.GalleryFixtures;
import studio.imgen.gallery.Generated;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** A member finds, searches, inspects and downloads their images; nobody outside the workspace can open them. */
class GalleryJourneyTest extends BrowserTest {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String ALL_THUMBNAILS_LOADED =
            "() => [...document.querySelectorAll('.gallery-card img')].every(i => i.complete && i.naturalWidth > 0)";

    @Autowired
    GenerationService generations;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;

    @AfterEach
    void nobody() {
        LoggedIn.nobody();
    }

    @Test
    void memberFindsSearchesOpensAndDownloadsAndOutsidersGet404() throws Exception {
        fake.reset();
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        TestUser eve = users.member(users.workspaceWithKey("Other"), "Eve");
        LoggedIn.as(ana, memberships);
        GenerationDetails fox = Generated.images(generations, "a red fox in the snow", 1);
        GenerationDetails lighthouse = Generated.images(generations, "a lighthouse at dusk", 1);
        LoggedIn.nobody();
        UUID lighthouseImage = lighthouse.images().get(0).id();

        logIn(page, ana);
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Gallery")).click();
        assertThat(page).hasURL(Pattern.compile(".*/gallery$"));
        Locator cards = page.locator(".gallery-card");
        assertThat(cards).hasCount(2);
        assertThat(cards.first()).containsText("a lighthouse at dusk");
        assertThat(cards.nth(1)).containsText("a red fox in the snow");
        page.waitForFunction(ALL_THUMBNAILS_LOADED);
        assertThat(page.locator(".gallery-card img").first()).hasAttribute("src", "img/" + lighthouseImage + "/thumb");

        page.getByLabel("Search prompts").fill("light");
        assertThat(cards).hasCount(1);
        assertThat(page.locator(".gallery-summary")).hasText("1 image");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-search.png")));

        cards.first().click();
        Locator dialog = page.locator("vaadin-dialog[opened]");
        assertThat(dialog.locator(".image-detail-prompt")).hasText("a lighthouse at dusk");
        assertThat(dialog.getByText("Requested by Ana")).isVisible();
        page.waitForFunction("() => { const i = document.querySelector('.image-detail-full'); return i && i.complete && i.naturalWidth > 0; }");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-detail.png")));

        Download download = page.waitForDownload(() -> dialog.getByText("Download", new Locator.GetByTextOptions().setExact(true)).click());
        assertThat(download.suggestedFilename()).isEqualTo("imgen-" + lighthouseImage + ".png");
        Path saved = SHOTS.resolve("downloaded-" + lighthouseImage + ".png");
        download.saveAs(saved);
        byte[] bytes = Files.readAllBytes(saved);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat((long) bytes.length).isEqualTo(lighthouse.images().get(0).bytes());
        Files.delete(saved);

        try (BrowserContext outsider = otherContext()) {
            Page evesPage = outsider.newPage();
            logIn(evesPage, eve);
            evesPage.navigate(url("gallery"));
            assertThat(evesPage.getByText("No images yet — generate one")).isVisible();
            assertThat(evesPage.locator(".gallery-card")).hasCount(0);
            evesPage.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-empty.png")));
            for (String path : new String[] {"img/" + lighthouseImage, "img/" + lighthouseImage + "/thumb",
                    "img/" + fox.images().get(0).id() + "/download"}) {
                var api = evesPage.request().get(url(path));
                assertThat(api.status()).as(path).isEqualTo(404);
                assertThat(api.text()).as(path).isEqualTo("Not found");
            }
            Response opened = evesPage.navigate(url("img/" + lighthouseImage));
            assertThat(opened.status()).isEqualTo(404);
            assertThat(evesPage.locator("body")).hasText("Not found");
        }
        try (BrowserContext anonymous = otherContext()) {
            Response opened = anonymous.newPage().navigate(url("img/" + lighthouseImage + "/thumb"));
            assertThat(opened.status()).isEqualTo(404);
            assertThat(anonymous.cookies()).noneMatch(c -> c.name.equals("JSESSIONID"));
        }
        assertNoConsoleErrors();
    }

    @Test
    void gridFitsATabletInDarkThemeAndTheContextMenuOffersTheActions() {
        UUID acme = users.workspaceWithKey("Studio");
        TestUser ana = users.member(acme, "Ana");
        TestUser ben = users.member(acme, "Ben");
        GalleryFixtures fixtures = new GalleryFixtures(db, store);
        String[] prompts = {"Isometric cosy library with warm lamps", "Neon koi pond at night, top-down",
                "Minimal poster of a mountain sunrise", "Watercolour fox curled up in snow",
                "Retro robot watering tomato plants", "Macro photo of dew on a spider web",
                "Paper-cut city skyline with hot air balloons", "Lighthouse on a cliff during a storm, oil painting",
                "Cute otter astronaut floating past Saturn", "Ceramic teapot shaped like a snail",
                "<img src=x onerror=alert(1)> \"><script>alert(2)</script> javascript:alert(3)"};
        Instant now = clock.instant();
        for (int i = 0; i < prompts.length; i++) {
            fixtures.generation(acme, i % 3 == 0 ? ben.id() : ana.id(), prompts[i], i % 4 == 0 ? "gpt-image-1.5" : "gpt-image-2",
                    now.minusSeconds(600L * (prompts.length - i)), 1, true);
        }
        List<String> dialogs = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        logIn(page, ana);
        page.navigate(url("gallery"));
        assertThat(page.locator(".gallery-card")).hasCount(prompts.length);
        assertThat(page.locator(".gallery-card").first()).containsText("<img src=x onerror=alert(1)>");
        assertThat(page.locator(".gallery-card img")).hasCount(prompts.length);
        page.waitForFunction(ALL_THUMBNAILS_LOADED);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-laptop-light.png")));
        page.locator(".gallery-card").filter(new Locator.FilterOptions().setHasText("Watercolour fox")).click();
        assertThat(page.locator("vaadin-dialog[opened] .image-detail-prompt")).hasText("Watercolour fox curled up in snow");
        page.waitForFunction("() => { const i = document.querySelector('.image-detail-full'); return i && i.complete && i.naturalWidth > 0; }");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-detail-laptop.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reuse settings")).click();
        assertThat(page).hasURL(Pattern.compile(".*/\\?reuse=[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Prompt")))
                .hasValue("Watercolour fox curled up in snow");

        page.navigate(url("gallery"));
        page.locator(".gallery-card").filter(new Locator.FilterOptions().setHasText("Watercolour fox")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit this image")).click();
        assertThat(page).hasURL(Pattern.compile(".*/threads/[0-9a-f-]{36}$"));
        assertThat(page.locator(".turn .turn-image")).hasCount(1);
        assertThat(dialogs).as("script from a prompt ran").isEmpty();

        try (BrowserContext tablet = browserContext.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(820, 1180).setColorScheme(ColorScheme.DARK))) {
            Page dark = tablet.newPage();
            dark.setDefaultTimeout(15_000);
            logIn(dark, ana);
            dark.navigate(url("gallery"));
            assertThat(dark.locator(".gallery-card")).hasCount(prompts.length);
            dark.waitForFunction(ALL_THUMBNAILS_LOADED);
            dark.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-tablet-dark.png")));
            assertThat(dark.locator("[theme~=dark]")).hasCount(1);
            Object overflow = dark.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(0);
            // The column count follows the width the browser reports after attach, so wait for the re-render.
            dark.waitForFunction("() => { const cards = [...document.querySelectorAll('.gallery-card')];"
                    + " return cards.filter(c => c.getBoundingClientRect().top === cards[0].getBoundingClientRect().top).length === 3; }");

            Locator bens = dark.locator(".gallery-card").filter(new Locator.FilterOptions().setHasText("Ceramic teapot")).first();
            bens.click(new Locator.ClickOptions().setButton(MouseButton.RIGHT));
            Locator menu = dark.locator("vaadin-context-menu-list-box");
            assertThat(menu.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Reuse settings"))).isVisible();
            assertThat(menu.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Delete"))).isDisabled();
            assertThat(menu.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Edit this image"))).isEnabled();
            dark.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("gallery-context-menu-dark.png")));
            Download fromMenu = dark.waitForDownload(
                    () -> menu.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Download")).click());
            assertThat(fromMenu.suggestedFilename()).matches("imgen-[0-9a-f-]{36}\\.png");
        }
        assertNoConsoleErrors();
    }

    private void logIn(Page target, TestUser user) {
        BrowserLogin.logIn(target, url("login"), user.username(), TestUsers.PASSWORD);
    }

    private BrowserContext otherContext() {
        return browserContext.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
    }

}
