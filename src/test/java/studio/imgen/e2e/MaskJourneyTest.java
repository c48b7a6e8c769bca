package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MultipartPart;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Inpainting in Chromium: in a thread, paint a stroke over the current image, apply, send; OpenAI gets the mask. */
class MaskJourneyTest extends BrowserTest {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final int WIDTH = 1536;
    private static final int HEIGHT = 1024;

    @Autowired
    GenerationService generations;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;

    @AfterEach
    void cleanUp() {
        LoggedIn.nobody();
        fake.reset();
    }

    @Test
    void aPaintedStrokeReachesOpenAiAsATransparentAreaOfAMaskOfTheImagesSize() throws Exception {
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        UUID imageId = landscape(ana);

        BrowserLogin.logIn(page, url("login"), ana.username(), TestUsers.PASSWORD);
        Locator canvas = openPainter(imageId);
        paintHorizontalStroke(canvas);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mask-painter-light.png")));
        page.getByText("Preview mask").click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mask-painter-preview.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply mask")).click();
        assertThat(page.locator(".mask-chip")).containsText("Mask: painted area");
        assertThat(page.locator(".mask-stage")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mask-chip-light.png")));
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Edit prompt")).fill("add a full moon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(fake.awaitRequests(1, Duration.ofSeconds(30))).as("the edit reached OpenAI").isTrue();
        var edit = fake.requestsTo(FakeOpenAi.EDITS).get(0);
        MultipartPart part = edit.part("mask").orElseThrow();
        assertThat(part.contentType()).isEqualTo("image/png");
        BufferedImage mask = TestImages.decode(part.bytes());
        assertThat(mask.getWidth()).isEqualTo(WIDTH);
        assertThat(mask.getHeight()).isEqualTo(HEIGHT);
        assertThat(mask.getColorModel().hasAlpha()).isTrue();
        // The stroke ran across the middle from 20 % to 80 % of the width.
        assertThat(alpha(mask, WIDTH / 2, HEIGHT / 2)).as("on the stroke").isZero();
        assertThat(alpha(mask, WIDTH / 3, HEIGHT / 2)).as("on the stroke").isZero();
        assertThat(alpha(mask, 10, 10)).as("top-left corner").isEqualTo(255);
        assertThat(alpha(mask, WIDTH / 2, HEIGHT / 2 + 200)).as("below the stroke").isEqualTo(255);
        assertThat(alpha(mask, WIDTH - 10, HEIGHT / 2)).as("right of the stroke").isEqualTo(255);
        assertThat(edit.partText("prompt")).isEqualTo("add a full moon");

        // The same painter in the dark theme (the app follows the browser's preference at load).
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        canvas = openPainter(imageId);
        assertThat(page.locator("[theme~=dark]")).hasCount(1);
        paintHorizontalStroke(canvas);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mask-painter-dark.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply mask")).click();
        assertThat(page.locator(".mask-chip")).containsText("Mask: painted area");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("mask-chip-dark.png")));
    }

    /** A stored 1536 × 1024 result of the member's workspace, made through the real pipeline. */
    private UUID landscape(TestUser member) throws InterruptedException {
        LoggedIn.as(member, memberships);
        UUID id = generations.submit(GenerationRequest.of("a wide lake at dusk", ImageOptions.DEFAULTS
                .withSize(WIDTH + "x" + HEIGHT).withQuality("low")));
        UUID imageId = Generations.awaitFinished(generations, id).images().get(0).id();
        LoggedIn.nobody();
        fake.reset();
        return imageId;
    }

    private Locator openPainter(UUID imageId) {
        Page on = page;
        on.navigate(url("?edit=" + imageId));
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Paint mask")).click();
        Locator canvas = on.locator(".mask-stage canvas");
        assertThat(canvas).isVisible();
        on.waitForFunction("() => { const i = document.querySelector('.mask-stage img');"
                + " return i && i.complete && i.naturalWidth > 0 && document.querySelector('.mask-stage').__maskPainter; }");
        return canvas;
    }

    private void paintHorizontalStroke(Locator canvas) {
        Page on = page;
        BoundingBox box = canvas.boundingBox();
        double y = box.y + box.height / 2;
        on.mouse().move(box.x + box.width * 0.2, y);
        on.mouse().down();
        on.mouse().move(box.x + box.width * 0.5, y, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        on.mouse().move(box.x + box.width * 0.8, y, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        on.mouse().up();
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}
