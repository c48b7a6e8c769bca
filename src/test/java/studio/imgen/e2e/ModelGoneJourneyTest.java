package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static imgen.db.Tables.IMAGE_MODEL;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;
import studio.imgen.thread.ThreadService;

/**
 * Issue 14, defect 8 in Chromium: Test Image B, which Mia used, has shut down (replaced by Test Image A). Reusing
 * her earlier settings by link ({@code ?reuse=}) and continuing her thread both read "That model is no longer
 * available. Use Test Image A instead." with Test Image A selected; naming it in a request is refused with the same
 * sentence, before anything reaches OpenAI.
 */
class ModelGoneJourneyTest extends BrowserTest {

    private static final String GONE = "That model is no longer available. Use Test Image A instead.";

    @Autowired
    GenerationService generations;
    @Autowired
    ThreadService threads;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;

    @AfterEach
    void putTheCatalogueBack() {
        LoggedIn.nobody();
        fake.reset();
        db.update(IMAGE_MODEL).setNull(IMAGE_MODEL.SHUTDOWN_ON).setNull(IMAGE_MODEL.REPLACEMENT)
                .where(IMAGE_MODEL.ID.eq("test-image-b")).execute();
    }

    @Test
    void reusedSettingsAndAThreadNamingAShutDownModelOfferItsReplacement() throws InterruptedException {
        TestUser mia = users.member(users.workspaceWithKey("Acme"), "Mia");
        LoggedIn.as(mia, memberships);
        GenerationDetails earlier = generated("a paper crane");
        UUID thread = threads.startFromImage(earlier.images().get(0).id());
        db.update(IMAGE_MODEL).set(IMAGE_MODEL.SHUTDOWN_ON, LocalDate.now(clock).minusDays(1))
                .set(IMAGE_MODEL.REPLACEMENT, "test-image-a").where(IMAGE_MODEL.ID.eq("test-image-b")).execute();
        int calls = fake.requests().size();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> generations.submit(request("again")))
                .isInstanceOf(UserInputException.class).hasMessage(GONE);
        org.assertj.core.api.Assertions.assertThat(fake.requests()).hasSize(calls);
        LoggedIn.nobody();

        BrowserLogin.logIn(page, url("login"), mia.username(), TestUsers.PASSWORD);
        page.navigate(url("?reuse=" + earlier.id()));
        assertThat(page.locator(".model-gone")).hasText(GONE);
        assertThat(page.getByLabel("Prompt")).hasValue("a paper crane");
        assertThat(select("Model")).containsText("Test Image A");
        shot("model-gone-generate");

        page.navigate(url("threads/" + thread));
        assertThat(page.locator(".turn-model-gone")).hasText(GONE);
        assertThat(page.locator(".turn-options vaadin-select").first()).containsText("Test Image A");
        page.evaluate("document.documentElement.setAttribute('theme', 'dark')");
        shot("model-gone-thread-dark");
    }

    private Locator select(String label) {
        return page.locator("vaadin-select").filter(new Locator.FilterOptions()
                .setHas(page.locator("label", new Page.LocatorOptions().setHasText(label)))).first();
    }

    private GenerationDetails generated(String prompt) throws InterruptedException {
        GenerationDetails done = Generations.awaitFinished(generations, generations.submit(request(prompt)));
        org.assertj.core.api.Assertions.assertThat(done.status()).as(done.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        return done;
    }

    private static GenerationRequest request(String prompt) {
        return GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withModel("test-image-b").withSize("1024x1024")
                .withQuality("low"));
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
