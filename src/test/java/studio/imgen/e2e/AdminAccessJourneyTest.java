package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Issue #5's browser journey: the admin sets a (canary) key, adds the role "Interns" (120 s, Test Image B
 * only, 1024x1024, low) and gives it to a member; the member's Generate form offers only those, and a second
 * submission within 120 s is refused with the remaining time. Every HTTP response body and push frame the two
 * browsers received, and every log line written meanwhile, is checked for the key.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccessJourneyTest extends BrowserTest {

    static final String CANARY = studio.imgen.testsupport.Canaries.fresh();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<com.microsoft.playwright.Response> responses = new CopyOnWriteArrayList<>();

    @Test
    void internsGetOnlyTheirOptionsAndACooldown(CapturedOutput logs) {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        TestUser ian = users.member(acme, "Ian");
        recordEverythingReceived();

        logIn(dana.username(), TestUsers.PASSWORD);
        assertThat(page.locator("vaadin-side-nav-item").filter(text("Admin"))).isVisible();
        page.navigate(url("admin"));

        page.getByLabel("New API key").fill(CANARY);
        button("Set key").click();
        assertThat(notice("OpenAI API key has been set for this workspace.")).isVisible();
        assertThat(page.locator(".key-status"))
                .hasText(Pattern.compile("Configured · ends with …" + CANARY.substring(CANARY.length() - 4) + " · set by Dana on .*"));
        assertThat(page.getByLabel("New API key")).hasValue("");
        button("Test key").click();
        assertThat(page.locator(".key-test-result"))
                .hasText(Pattern.compile("OpenAI accepted the key\\. It can use \\d+ models of the catalogue\\."));
        screenshot("admin-settings");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Roles & access")).click();
        button("New role").click();
        page.getByLabel("Name").fill("Interns");
        button("Create role").click();
        page.locator("vaadin-grid-cell-content").filter(text("Interns")).first().click();
        button("Add access rule…").click();
        page.getByLabel("Cooldown (seconds)").fill("120");
        checkbox("Test Image B").check();
        checkbox("1024x1024 (Square)").check();
        checkbox("Low").check();
        button("Save rule").click();
        // Dana holds no role: saving the first rule warns her; she does not need to generate here.
        button("Save without it").click();
        assertThat(notice("Updated access for Interns.")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(text("Interns: 120s cooldown"))).hasText(
                "Interns: 120s cooldown · Models: Test Image B · Sizes: 1024x1024 (Square) · Qualities: Low");
        screenshot("admin-roles");
        page.setViewportSize(820, 1180);
        screenshot("admin-roles-tablet");
        page.setViewportSize(1280, 860);

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Members")).click();
        page.locator("vaadin-grid-cell-content").filter(text(ian.username())).first().click();
        checkbox("Interns").check();
        button("Save roles").click();
        assertThat(notice("Roles of Ian: Interns.")).isVisible();
        assertThat(page.locator(".members-grid vaadin-grid-cell-content .role-badge").filter(text("Interns"))).isVisible();
        screenshot("admin-members");

        browserContext.clearCookies();
        logIn(ian.username(), TestUsers.PASSWORD);
        assertThat(page.locator(".generate-form")).isVisible();
        org.assertj.core.api.Assertions.assertThat(offered("Model")).containsExactly("Test Image B");
        org.assertj.core.api.Assertions.assertThat(offered("Size")).containsExactly("1024x1024 (Square)");
        org.assertj.core.api.Assertions.assertThat(offered("Quality")).containsExactly("Low");

        page.getByLabel("Prompt").fill("a lighthouse at dawn");
        button("Generate").click();
        assertThat(page.locator(".generation-card")).hasCount(1);
        // The cooldown is a live countdown beside a disabled Generate (issue 14): no second sentence to disagree with it.
        assertThat(page.locator(".cooldown-countdown")).hasText(
                Pattern.compile("Next generation in (1:[0-5]\\d|2:00) — at \\d\\d:\\d\\d"));
        assertThat(button("Generate")).isDisabled();
        assertThat(page.locator(".banner:visible")).hasCount(0);
        assertThat(page.locator(".generation-card")).hasCount(1);
        screenshot("member-cooldown");

        // The recording did capture the UI's traffic: the key status reached the browser, the key never did.
        readResponseBodies();
        org.assertj.core.api.Assertions.assertThat(received).anyMatch(body -> body.contains("ends with"))
                .allSatisfy(body -> org.assertj.core.api.Assertions.assertThat(body).doesNotContain(CANARY));
        // A marker proves the capture sees the application's log output (the context may have started earlier).
        org.slf4j.LoggerFactory.getLogger(AdminAccessJourneyTest.class).info("canary check marker");
        org.assertj.core.api.Assertions.assertThat(logs.getAll()).contains("canary check marker").doesNotContain(CANARY);
    }

    /**
     * Every push frame the page receives, as it arrives, and every response, whose body {@link #readResponseBodies}
     * reads later: reading it inside the event handler waits on Playwright's own message loop and can hang.
     */
    private void recordEverythingReceived() {
        page.onResponse(responses::add);
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> received.add(frame.text())));
    }

    private void readResponseBodies() {
        for (com.microsoft.playwright.Response response : responses) {
            try {
                received.add(response.text());
            } catch (RuntimeException noBody) {
                // Redirects, aborted requests and the pages left before the key was typed have no body to read.
            }
        }
        responses.clear();
    }

    /** The labels a Select offers, read from its open list (in the select's light DOM since Vaadin 25). */
    private List<String> offered(String label) {
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

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator checkbox(String name) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator notice(String text) {
        return page.locator("vaadin-notification-card").filter(text(text)).last();
    }

    private static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    private void screenshot(String name) {
        assertThat(page.locator("vaadin-dialog-overlay[opened], vaadin-dialog-overlay[closing]")).hasCount(0);
        Path file = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
