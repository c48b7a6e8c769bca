package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.MouseButton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.AppProperties;
import studio.imgen.gallery.Generated;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Issue 14 (part B) as a member meets it in Chromium: downloads keep the page alive, the gallery loads without a
 * console error, OpenAI's refusals read as what to change, a thread from uploads takes a mask on its first turn, and
 * the wording (plurals, "Edit this image", the password hint) reads right. Every test fails on any console error.
 */
class MemberPolishJourneyTest extends BrowserTest {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final Pattern EMOJI = Pattern.compile("[\\x{2600}-\\x{27BF}\\x{1F300}-\\x{1FAFF}]");

    @Autowired
    GenerationService generations;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    AppProperties app;

    @AfterEach
    void cleanUp() {
        LoggedIn.nobody();
        fake.reset();
    }

    @Test
    void defects1and15_downloadFromTheCardMenuLeavesThePageWorkingAndTheGalleryLogsNoError() throws Exception {
        fake.reset();
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        LoggedIn.as(ana, memberships);
        Generated.images(generations, "a red fox in the snow", 1);
        Generated.images(generations, "a lighthouse at dusk", 1);
        LoggedIn.nobody();

        BrowserLogin.logIn(page, url("login"), ana.username(), TestUsers.PASSWORD);
        page.navigate(url("gallery"));
        Locator cards = page.locator(".gallery-card");
        assertThat(cards).hasCount(2);
        cards.first().click(new Locator.ClickOptions().setButton(MouseButton.RIGHT));
        Locator menu = page.locator("vaadin-context-menu-list-box");
        Download download = page.waitForDownload(() -> menu.getByRole(AriaRole.MENUITEM,
                new Locator.GetByRoleOptions().setName("Download")).click());
        assertThat(download.suggestedFilename()).matches("imgen-[0-9a-f-]{36}\\.png");
        assertThat(download.failure()).isNull();

        // The push channel survived: a card still opens its details, and the side navigation still navigates.
        cards.nth(1).click();
        assertThat(page.locator("vaadin-dialog[opened] .image-detail-prompt")).hasText("a red fox in the snow");
        page.keyboard().press("Escape");
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(0);
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Threads")).click();
        assertThat(page).hasURL(Pattern.compile(".*/threads$"));
        // The address changes before the server has shown the view; going back before that left the threads view on
        // screen under the gallery's address (a click during a navigation), so wait for the view itself.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit threads").setExact(true))).isVisible();
        page.goBack();
        assertThat(cards).hasCount(2);
        assertNoConsoleErrors();
    }

    @Test
    void defects3and13_aRefusedSizeReadsAsWhatToChangeAndTheWordingIsRight() {
        fake.reset();
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        fake.enqueueFault(Fault.badRequest("size", "invalid_value", "Invalid value: '1536x1024'. Supported values are:"
                + " '1024x1024' and 'auto'."));

        BrowserLogin.logIn(page, url("login"), ana.username(), TestUsers.PASSWORD);
        page.getByLabel("Prompt").fill("a refused fox");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
        Locator refused = page.locator(".generation-card .generation-error");
        assertThat(refused).hasText("This model can't make images of that size. Choose another size, or Auto.");
        assertThat(page.locator(".generation-card").first()).not().containsText("Invalid value");

        page.getByLabel("Prompt").fill("a lighthouse at dusk");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
        Locator done = page.locator(".generation-card").filter(new Locator.FilterOptions().setHasText("a lighthouse"));
        assertThat(done.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit this image")))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-generate-refused.png")));

        page.navigate(url("usage"));
        // The refused generation may count as a generation; the succeeded one made exactly one image.
        assertThat(page.locator(".usage-bar-figures").first())
                .hasText(Pattern.compile(".* · 1 image · (1 generation|2 generations)"));

        page.navigate(url("change-password"));
        assertThat(page.getByText("not a commonly used password and not your username")).isVisible();
        assertNoEmoji();
        assertNoConsoleErrors();
    }

    @Test
    void defects7and16_uploadsWaitOnDiskAndAThreadFromUploadsTakesAMaskOnItsFirstTurn() throws Exception {
        fake.reset();
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        BrowserLogin.logIn(page, url("login"), ana.username(), TestUsers.PASSWORD);
        page.navigate(url("threads"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New edit")).click();
        // Other tests of this JVM share the data directory: only this dialog's file counts.
        Set<Path> before = pendingFiles();
        byte[] street = TestImages.png(1024, 1024, 0x336699);
        FileChooser images = page.waitForFileChooser(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Add images")).click());
        images.setFiles(new FilePayload("street.png", "image/png", street));
        assertThat(page.locator(".reference-tile img").first()).isVisible();
        Set<Path> mine = new HashSet<>(pendingFiles());
        mine.removeAll(before);
        assertThat(mine).as("the upload waits on disk, not in the session").singleElement()
                .satisfies(file -> assertThat(file).hasBinaryContent(street));

        FileChooser mask = page.waitForFileChooser(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Upload mask")).click());
        mask.setFiles(new FilePayload("mask.png", "image/png", TestImages.mask(1024, 1024)));
        assertThat(page.locator(".mask-chip")).containsText("Mask: painted area");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-new-edit-mask.png")));
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Edit prompt")).fill("add a red door");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();

        assertThat(page).hasURL(Pattern.compile(".*/threads/[0-9a-f-]{36}$"));
        assertThat(mine).as("started and closed: the pending file is gone").allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(fake.awaitRequests(1, Duration.ofSeconds(30))).as("the edit reached OpenAI").isTrue();
        assertThat(fake.requestsTo(FakeOpenAi.EDITS)).singleElement()
                .satisfies(edit -> assertThat(edit.part("mask")).isPresent());
        assertThat(page.locator(".turn .mask-used")).hasCount(1);
        assertThat(page.locator(".turn-size").first().boundingBox().width).as("size labels fit").isGreaterThan(200);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-thread-mask.png")));
        assertNoConsoleErrors();
    }

    private Set<Path> pendingFiles() throws IOException {
        Path pending = app.dataPath().resolve("uploads-pending");
        if (!Files.isDirectory(pending)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(pending)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private void assertNoEmoji() {
        String text = (String) page.evaluate("() => document.body.innerText");
        assertThat(EMOJI.matcher(text).find()).as("emoji in: %s", text).isFalse();
    }
}
