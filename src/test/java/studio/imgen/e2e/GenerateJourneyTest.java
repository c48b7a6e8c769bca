package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** The core journey: log in, generate two images with live previews, download one, find both in the gallery. */
class GenerateJourneyTest extends BrowserTest {

    @Autowired
    FakeOpenAi fake;

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void memberGeneratesTwoImagesSeesPreviewsFirstAndDownloadsOne() throws Exception {
        fake.reset();
        fake.holdFinalImages();
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        logIn(ana.username(), TestUsers.PASSWORD);

        assertThat(page.getByText("No images yet")).isVisible();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Prompt")).fill("a red fox in fresh snow");
        page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Images")).fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();

        assertThat(page.locator(".generation-card[data-status=running], .generation-card[data-status=queued]")).hasCount(1);
        assertThat(page.locator(".generation-preview-image")).isVisible();
        assertThat(page.locator(".result-thumb")).hasCount(0);
        fake.releaseFinalImages();
        assertThat(page.locator(".result-thumb")).hasCount(2, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
        // GPT Image 2's rates are an estimate (gpt-image-1.5's, copied), and the cost says so.
        assertThat(page.locator(".generation-card").first()).containsText(
                java.util.regex.Pattern.compile("Cost ≈ \\$\\d+\\.\\d{4} \\(estimated\\)"));
        // Thumbnails really load (naturalWidth is 0 for a broken image).
        org.assertj.core.api.Assertions.assertThat((Integer) page.locator(".result-thumb").first().evaluate("img => img.naturalWidth")).isPositive();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "generate-results.png")).setFullPage(true));

        Download download = page.waitForDownload(() -> page.getByText("Download").first().click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).matches("imgen-[0-9a-f-]{36}\\.png");
        byte[] bytes = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(TestImages.size(bytes)).isEqualTo("1024x1024");

        page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Gallery")).click();
        assertThat(page.locator(".gallery-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("a red fox in fresh snow"))).hasCount(2);

        org.assertj.core.api.Assertions.assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(fake.lastRequest().jsonMap()).containsEntry("n", 2)
                .containsEntry("prompt", "a red fox in fresh snow");
    }

    @Test
    void onATabletTheFormAndResultsStackAndTheDarkThemeApplies() {
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        page.setViewportSize(800, 1100);
        logIn(ana.username(), TestUsers.PASSWORD);

        var form = page.locator(".form-column").boundingBox();
        var results = page.locator(".results-column").boundingBox();
        org.assertj.core.api.Assertions.assertThat(results.y).isGreaterThanOrEqualTo(form.y + form.height - 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "generate-tablet.png")).setFullPage(true));

        page.locator("vaadin-menu-bar-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Ana")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Toggle dark theme")).click();
        page.waitForFunction("() => (document.body.getAttribute('theme') || document.documentElement.getAttribute('theme') || '').includes('dark')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "generate-dark.png")).setFullPage(true));
    }

    @Test
    void withoutAKeyTheFormExplainsWhatToDo() {
        TestUser ben = users.member(users.workspace("NoKey"), "Ben");
        logIn(ben.username(), TestUsers.PASSWORD);

        assertThat(page.getByText("OpenAI API key not configured")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true))).isDisabled();
    }
}
