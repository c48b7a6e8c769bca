package studio.imgen.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;

/**
 * Real-browser journeys: the app on a random port, Debian's Chromium driven by Playwright. One browser per JVM,
 * a fresh context (cookies, storage) per test, and a screenshot in {@code target/screenshots} when a test fails.
 * In CI a missing Chromium fails the test; on a developer machine without it the test is skipped with a reason.
 */
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest extends ServerTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext browserContext;
    protected Page page;
    /**
     * How long a browser step may wait for its condition. A passing step waits only until the condition holds; 45 s is
     * what a two-core runner busy with other builds needed (20 s timed out on renders that did come).
     */
    public static final double PATIENCE_MS = 45_000;

    /** Errors the page logged to its console or threw, in order; a journey may require there are none. */
    protected final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                Assertions.fail("Chromium is required in CI: install it with apt-get install -y chromium");
            }
            Assumptions.abort("Chromium not installed (apt-get install -y chromium); browser tests skipped locally");
        }
        browserContext = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
        page = browserContext.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
        // CI runs on 2 shared cores: give pushes and renders time, assertions still wait only as long as needed.
        page.setDefaultTimeout(PATIENCE_MS);
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
    }

    @AfterEach
    void closePage() {
        if (browserContext != null) {
            browserContext.close();
        }
    }

    /** Fails on any error the page logged or threw so far (a template error, a failed request, a closed channel). */
    protected void assertNoConsoleErrors() {
        Assertions.assertEquals(List.of(), List.copyOf(consoleErrors), "console errors");
    }

    /** Sends the real login form (see {@link BrowserLogin#submit}); the test checks the outcome. */
    protected void logIn(String username, String password) {
        BrowserLogin.submit(page, url("login"), username, password);
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** Saves what the browser showed when a test failed (before the page closes), to see the failure rather than guess it. */
    static class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
                    .filter(test -> test.page != null && !test.page.isClosed())
                    .ifPresent(test -> {
                        Path file = Paths.get("target", "screenshots",
                                context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png");
                        test.page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                    });
        }
    }
}
