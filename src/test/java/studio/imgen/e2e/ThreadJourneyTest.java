package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.MultipartPart;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Edit threads in a real browser: generate → Edit this image → two conversation turns → direct edit → branch, with
 * the fake checking what went upstream at every step; screenshots of the list and the thread, light and dark.
 */
class ThreadJourneyTest extends BrowserTest {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String IMAGES_LOADED =
            "() => [...document.querySelectorAll('.turn-image, .thread-thumb img')].every(i => i.complete && i.naturalWidth > 0)";

    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void conversationTurnsThenDirectEditThenBranchLeavesTheOriginalUnchanged() throws Exception {
        fake.reset();
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        logIn(ana.username(), TestUsers.PASSWORD);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Prompt")).fill("a red fox in the snow");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
        assertThat(page.locator(".result-thumb")).hasCount(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit this image").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/threads/[0-9a-f-]{36}$"));
        String threadUrl = page.url();
        assertThat(page.locator(".turn")).hasCount(1);

        send("make it night");
        assertThat(page.locator(".turn[data-status=succeeded]")).hasCount(1);
        send("add falling snow");
        assertThat(page.locator(".turn[data-status=succeeded]")).hasCount(2);
        List<String> responseIds = conversationResponseIds(ana);
        org.assertj.core.api.Assertions.assertThat(fake.previousResponseIds()).containsExactly(null, responseIds.get(0));
        org.assertj.core.api.Assertions.assertThat(page.locator(".turn[data-seq='3'] .chips").textContent())
                .contains("Conversation");

        page.locator(".thread-mode [part~=\"input-field\"]").click();
        // The pointer leaves the select, so its tooltip (shown on hover, later on a busy machine) cannot cover the option.
        page.mouse().move(0, 0);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Direct edit")).click();
        assertThat(page.getByText("Next turns: Direct edit.")).isVisible();
        send("make the fox blue");
        assertThat(page.locator(".turn[data-status=succeeded]")).hasCount(3);
        org.assertj.core.api.Assertions.assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).hasSize(2);
        List<MultipartPart> sent = fake.requestsTo(FakeOpenAi.EDITS).get(0).parts("image[]");
        org.assertj.core.api.Assertions.assertThat(sent).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(sha256(sent.get(0).bytes()))
                .as("the previous turn's stored image went up as the edit input").isEqualTo(lastConversationImageSha(ana));
        org.assertj.core.api.Assertions.assertThat(page.locator(".turn[data-seq='4'] .chips").textContent())
                .contains("Direct edit");
        page.waitForFunction(IMAGES_LOADED);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("thread-view-light.png")).setFullPage(true));

        page.locator(".turn[data-seq='2']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Edit from here")).click();
        assertThat(page).not().hasURL(threadUrl);
        assertThat(page.locator(".thread-branch-link")).containsText("turn 2");
        assertThat(page.locator(".turn")).hasCount(1);
        page.locator(".thread-mode [part~=\"input-field\"]").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Conversation")).click();
        assertThat(page.getByText("Next turns: Conversation.")).isVisible();
        send("add a moon");
        assertThat(page.locator(".turn[data-status=succeeded]")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(fake.previousResponseIds()).last()
                .as("the branch continues turn 2's conversation").isEqualTo(responseIds.get(0));

        page.locator(".thread-branch-link").click();
        assertThat(page).hasURL(threadUrl);
        assertThat(page.locator(".turn")).hasCount(4);
        assertThat(page.locator(".turn-prompt-text")).hasText(new String[] {"make it night", "add falling snow",
                "make the fox blue"});

        page.navigate(url("threads"));
        assertThat(page.locator(".thread-row")).hasCount(2);
        page.waitForFunction(IMAGES_LOADED);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("thread-list-light.png")).setFullPage(true));

        try (BrowserContext tablet = browserContext.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(820, 1180).setColorScheme(ColorScheme.DARK))) {
            Page dark = tablet.newPage();
            dark.setDefaultTimeout(20_000);
            BrowserLogin.logIn(dark, url("login"), ana.username(), TestUsers.PASSWORD);
            dark.navigate(url("threads"));
            assertThat(dark.locator(".thread-row")).hasCount(2);
            assertThat(dark.locator("[theme~=dark]")).hasCount(1);
            dark.waitForFunction(IMAGES_LOADED);
            dark.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("thread-list-tablet-dark.png")).setFullPage(true));
            dark.navigate(threadUrl);
            assertThat(dark.locator(".turn")).hasCount(4);
            dark.waitForFunction(IMAGES_LOADED);
            Object overflow = dark.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no horizontal scrolling")
                    .isLessThanOrEqualTo(0);
            dark.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("thread-view-tablet-dark.png")).setFullPage(true));
        }
    }

    private void send(String prompt) {
        Locator input = page.locator(".turn-prompt textarea");
        assertThat(input).isEnabled();
        input.fill(prompt);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    }

    private List<String> conversationResponseIds(TestUser user) {
        return db.select(GENERATION.RESPONSE_ID).from(GENERATION)
                .where(GENERATION.USER_ID.eq(user.id()).and(GENERATION.MAINLINE_MODEL.isNotNull()))
                .orderBy(GENERATION.CREATED_AT).fetch(GENERATION.RESPONSE_ID);
    }

    private String lastConversationImageSha(TestUser user) {
        return db.select(IMAGE.SHA256).from(IMAGE).join(GENERATION).on(GENERATION.ID.eq(IMAGE.GENERATION_ID))
                .where(GENERATION.USER_ID.eq(user.id()).and(GENERATION.MAINLINE_MODEL.isNotNull())
                        .and(IMAGE.ROLE.eq("result")))
                .orderBy(GENERATION.CREATED_AT.desc()).limit(1).fetchOne(IMAGE.SHA256);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
