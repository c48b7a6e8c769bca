package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.MouseButton;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.ImageOptions;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;
import studio.imgen.thread.ThreadService;

/**
 * Issue 14, defects 4, 5, 6 and 11 in Chromium: the cooldown is one live countdown ("Next generation in 1:42 — at
 * 14:05", in the member's time zone) with Generate and a thread's Send disabled until it ends, and no cooldown banner
 * while the first image is still being drawn; "Edit this image" says why instead of opening a thread; and the banner
 * gives the server's first reason (the key before the role).
 */
class CooldownJourneyTest extends BrowserTest {

    private static final ZoneId MEMBER_ZONE = ZoneId.of("America/New_York");
    private static final Pattern COUNTDOWN = Pattern.compile("Next generation in (\\d+:\\d\\d) — at (\\d\\d:\\d\\d)");

    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    GenerationService generations;
    @Autowired
    ThreadService threads;
    @Autowired
    FakeOpenAi fake;

    private final List<BrowserContext> contexts = new java.util.ArrayList<>();

    @AfterEach
    void reset() {
        contexts.forEach(BrowserContext::close);
        LoggedIn.nobody();
        fake.reset();
        clock.reset();
    }

    @Test
    void whileTheFirstImageIsDrawnOnlyTheCountdownShowsAndGenerateWaitsForIt() {
        TestUser mia = designerWithCooldown();
        Page member = memberPage(mia, ColorScheme.LIGHT);
        fake.enqueueFault(Fault.hang());

        member.getByLabel("Prompt").fill("a lighthouse at dawn");
        button(member, "Generate").click();

        Locator running = member.locator(".generation-card[data-status=running], .generation-card[data-status=queued]");
        assertThat(running).hasCount(1);
        Locator countdown = member.locator(".cooldown-countdown");
        assertThat(countdown).hasText(COUNTDOWN);
        assertEndsAboutTwoMinutesFromNow(countdown.textContent());
        assertThat(button(member, "Generate")).isDisabled();
        assertThat(member.locator(".banner:visible")).hasCount(0);
        assertThat(member.locator(".member-limits")).hasText("2 min cooldown after each generation");
        assertThat(running).hasCount(1);
        shot(member, "cooldown-generate");

        clock.advance(Duration.ofSeconds(60));
        // The app's clock also moved on by itself meanwhile: at most a minute is left.
        assertThat(countdown).hasText(Pattern.compile("Next generation in (0:[0-5]\\d|1:00) — at .*"));
        clock.advance(Duration.ofSeconds(61));
        assertThat(countdown).isHidden();
        assertThat(button(member, "Generate")).isEnabled();
    }

    @Test
    void editThisImageSaysWhyOnCooldownAndTheThreadInputCountsDown() throws InterruptedException {
        TestUser mia = designerWithCooldown();
        LoggedIn.as(mia, memberships);
        UUID image = generated("a red fox in snow");
        clock.advance(Duration.ofSeconds(121));
        UUID thread = threads.startFromImage(image);
        generated("a blue whale");
        LoggedIn.nobody();

        Page member = memberPage(mia, ColorScheme.DARK);
        member.navigate(url("gallery"));
        Locator fox = member.locator(".gallery-card").filter(new Locator.FilterOptions().setHasText("a red fox in snow"));
        fox.click(new Locator.ClickOptions().setButton(MouseButton.RIGHT));
        member.locator("vaadin-context-menu-list-box").getByRole(AriaRole.MENUITEM,
                new Locator.GetByRoleOptions().setName("Edit this image")).click();
        Locator refusal = member.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(
                Pattern.compile("You're on cooldown\\. Try again in (1:[0-5]\\d|2:00) — at \\d\\d:\\d\\d\\.")));
        assertThat(refusal.last()).isVisible();
        assertThat(member).hasURL(Pattern.compile(".*/gallery$"));
        shot(member, "cooldown-edit-refused-dark");

        fox.click();
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit this image")).click();
        assertThat(member.locator("vaadin-dialog-overlay[opened]")).isVisible();
        assertThat(member).hasURL(Pattern.compile(".*/gallery$"));
        LoggedIn.as(mia, memberships);
        org.assertj.core.api.Assertions.assertThat(threads.mine("")).hasSize(1);
        LoggedIn.nobody();

        member.navigate(url("threads/" + thread));
        Locator countdown = member.locator(".turn-input .cooldown-countdown");
        assertThat(countdown).hasText(COUNTDOWN);
        assertEndsAboutTwoMinutesFromNow(countdown.textContent());
        assertThat(member.locator(".turn-send")).isDisabled();
        shot(member, "cooldown-thread-dark");
        clock.advance(Duration.ofSeconds(121));
        assertThat(countdown).isHidden();
        assertThat(member.locator(".turn-send")).isEnabled();
    }

    @Test
    void withoutAKeyAndWithoutARoleTheKeyIsTheReasonGiven() {
        UUID noKey = users.workspace("NoKey");
        TestUser dana = users.admin(noKey, "Dana");
        TestUser ben = users.member(noKey, "Ben");
        LoggedIn.as(dana, memberships);
        roles.createRole("Designers", null);
        UUID designers = roles.roles().get(0).role().id();
        roles.saveRule(new RuleDraft(designers, null, "0", Set.of(), Set.of(), Set.of(), null, null, null));
        LoggedIn.nobody();

        BrowserLogin.logIn(page, url("login"), ben.username(), TestUsers.PASSWORD);
        assertThat(page.locator(".banner")).hasText(GenerationService.NO_KEY);
        assertThat(page.getByText("You don't have a role that allows image generation.")).hasCount(0);
        shot(page, "banner-key-first");
    }

    private TestUser designerWithCooldown() {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(acme, "Dana");
        TestUser mia = users.member(acme, "Mia");
        LoggedIn.as(dana, memberships);
        roles.createRole("Designers", null);
        UUID designers = roles.roles().get(0).role().id();
        roles.saveRule(new RuleDraft(designers, null, "120", Set.of(), Set.of(), Set.of(), null, null, null));
        members.assignRoles(mia.id(), Set.of(designers));
        LoggedIn.nobody();
        return mia;
    }

    /** The member's own browser, in New York time, to see the end time in their zone. */
    private Page memberPage(TestUser member, ColorScheme scheme) {
        BrowserContext context = browserContext.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 860).setTimezoneId(MEMBER_ZONE.getId()).setColorScheme(scheme));
        contexts.add(context);
        Page memberPage = context.newPage();
        memberPage.setDefaultTimeout(20_000);
        BrowserLogin.logIn(memberPage, url("login"), member.username(), TestUsers.PASSWORD);
        if (scheme == ColorScheme.DARK) {
            memberPage.evaluate("document.documentElement.setAttribute('theme', 'dark')");
        }
        return memberPage;
    }

    private UUID generated(String prompt) throws InterruptedException {
        UUID id = generations.submit(GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withSize("1024x1024")
                .withQuality("low")));
        GenerationDetails done = Generations.awaitFinished(generations, id);
        org.assertj.core.api.Assertions.assertThat(done.status()).as(done.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        return done.images().get(0).id();
    }

    /** "— at HH:MM" is the end of the cooldown in the member's zone: about two minutes after now on the app's clock. */
    private void assertEndsAboutTwoMinutesFromNow(String text) {
        Matcher m = COUNTDOWN.matcher(text);
        org.assertj.core.api.Assertions.assertThat(m.find()).as(text).isTrue();
        Instant now = clock.instant();
        List<String> plausible = IntStream.rangeClosed(90, 125).mapToObj(s -> DateTimeFormatter.ofPattern("HH:mm")
                .format(now.plusSeconds(s).atZone(MEMBER_ZONE))).distinct().toList();
        org.assertj.core.api.Assertions.assertThat(m.group(2)).isIn(plausible);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }
}
