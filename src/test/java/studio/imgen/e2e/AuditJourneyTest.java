package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.audit.AuditedGenerations;
import studio.imgen.catalog.Money;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * An admin reviews the audit log in Chromium: filters by user and model, searches a prompt word, opens an entry,
 * exports the filter as CSV and the file holds exactly the filtered entries. A prompt with markup stays text: no
 * script runs, no dialog opens.
 */
class AuditJourneyTest extends BrowserTest {

    static final String XSS = "<img src=x onerror=alert(1)> a fox in a script";

    @Autowired
    GenerationService generations;
    @Autowired
    AuditedGenerations audited;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;

    final List<String> dialogs = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() {
        LoggedIn.nobody();
        fake.reset();
    }

    @Test
    void adminFiltersSearchesOpensAnEntryAndExportsExactlyTheFilter() throws Exception {
        fake.reset();
        UUID acme = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(acme, "Dana");
        TestUser ana = users.member(acme, "Ana");
        TestUser ben = users.member(acme, "Ben");
        long snow = generate(ana, "a red fox in fresh snow", "gpt-image-2");
        long script = generate(ana, XSS, "gpt-image-2");
        long whale = generate(ana, "a blue whale", "gpt-image-2");
        long night = generate(ana, "a red fox at night", "test-image-a");
        long bens = generate(ben, "a red fox for Ben", "gpt-image-2");

        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        logIn(dana.username(), TestUsers.PASSWORD);
        page.navigate(url("audit"));
        Locator totals = page.locator(".audit-totals");
        // 5 generations, each admitted and succeeded, plus Dana's login. GPT Image 2's rates are estimated.
        assertThat(totals).hasText("11 entries · 5 images · "
                + Money.total(snow + script + whale + night + bens, snow + script + whale + bens));

        pick("User", "Ana");
        assertThat(totals).hasText("8 entries · 4 images · "
                + Money.total(snow + script + whale + night, snow + script + whale));
        org.assertj.core.api.Assertions.assertThat(totals.innerText()).contains("≈ ").contains(" estimated)");
        pick("Model", "GPT Image 2");
        assertThat(totals).hasText("6 entries · 3 images · " + Money.cost(snow + script + whale, true));
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Search prompts")).fill("fox");
        assertThat(totals).hasText("4 entries · 2 images · " + Money.cost(snow + script, true));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("blue whale")))
                .hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "audit-filtered.png")).setFullPage(true));

        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(XSS)).first().click();
        Locator detail = page.locator("vaadin-dialog[opened]");
        assertThat(detail.locator(".audit-prompt")).hasText(XSS);
        assertThat(detail.getByText("Reuse settings")).isVisible();
        assertThat(detail.getByText("Edit this image")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "audit-detail.png")));
        detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        assertThat(detail).hasCount(0);

        Download download = page.waitForDownload(() -> page.locator(".audit-export").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).matches("audit-\\d{8}-\\d{6}\\.csv");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(download.path(), StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(4).allSatisfy(row -> {
            org.assertj.core.api.Assertions.assertThat(row.get("user")).isEqualTo("Ana");
            org.assertj.core.api.Assertions.assertThat(row.get("model")).isEqualTo("gpt-image-2");
            org.assertj.core.api.Assertions.assertThat(row.get("prompt")).contains("fox");
        });
        org.assertj.core.api.Assertions.assertThat(rows).extracting(r -> r.get("prompt"))
                .containsExactly(XSS, XSS, "a red fox in fresh snow", "a red fox in fresh snow");
        org.assertj.core.api.Assertions.assertThat(rows).extracting(r -> r.get("status"))
                .containsExactly("succeeded", "admitted", "succeeded", "admitted");

        page.locator(".webhook-card").scrollIntoViewIfNeeded();
        page.locator(".webhook-card").screenshot(new Locator.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "audit-webhook-card.png")));

        page.navigate(url("usage"));
        assertThat(page.locator(".usage-bar-label").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "usage-admin.png")).setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(dialogs).as("dialogs opened by page scripts").isEmpty();
    }

    private void pick(String label, String option) {
        Locator field = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(label));
        field.fill(option);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    /** Runs a generation to its end (audited) and returns its cost. */
    private long generate(TestUser member, String prompt, String model) throws InterruptedException {
        LoggedIn.as(member, memberships);
        UUID id = generations.submit(GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withModel(model)
                .withSize("1024x1024").withQuality("low")));
        audited.awaitFinished(id);
        long cost = generations.find(id).orElseThrow().costMicros();
        LoggedIn.nobody();
        return cost;
    }
}
