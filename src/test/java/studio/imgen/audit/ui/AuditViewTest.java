package studio.imgen.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.audit.AuditFilterOptions;
import studio.imgen.audit.AuditRow;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;

import static imgen.db.Tables.AUDIT_LOG;

/** The audit view without a browser: user data as text, filters and totals, the detail, the export link, the webhook card. */
class AuditViewTest extends KaribuTest {

    static final String XSS = "<img src=x onerror=alert(1)> a fox";

    @Autowired
    DSLContext db;

    UUID acme;
    TestUser dana;
    TestUser ana;
    UUID generationId = UUID.randomUUID();

    @BeforeEach
    void seed() {
        acme = users.workspace("Acme");
        dana = users.admin(acme, "Dana");
        ana = users.member(acme, "Ana");
        insert(ana, "Ana", "gpt-image-2", XSS, 42_000, OffsetDateTime.now(clock).minusMinutes(5));
        insert(ana, "Ana", "gpt-image-1.5", "a whale", 10_000, OffsetDateTime.now(clock).minusMinutes(4));
        insert(dana, "Dana <b>admin</b>", "gpt-image-2", "a fox by Dana", 20_000, OffsetDateTime.now(clock).minusMinutes(3));
    }

    @Test
    void aPromptWithMarkupIsTextInTheGridAndInTheDetail() {
        login(dana);
        navigate("audit");
        Grid<AuditRow> grid = grid();

        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(grid, 2)).contains(XSS);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Dana <b>admin</b>");

        grid.asSingleSelect().setValue(GridKt._get(grid, 2));

        Paragraph prompt = _get(Paragraph.class, spec -> spec.withClasses("audit-prompt"));
        assertThat(prompt.getText()).isEqualTo(XSS);
        assertThat(prompt.getElement().getProperty("innerHTML")).isNull();
        assertThat(_find(Span.class, spec -> spec.withClasses("audit-fact-value"))).extracting(Span::getText)
                .contains("Ana", "gpt-image-2", "$0.0420");
        RouterLink reuse = _get(RouterLink.class, spec -> spec.withText("Reuse settings"));
        assertThat(reuse.getHref()).isEqualTo("?reuse=" + generationId);
    }

    @Test
    void filtersNarrowTheGridAndTheTotals() {
        login(dana);
        navigate("audit");
        Span totals = _get(Span.class, spec -> spec.withClasses("audit-totals"));
        assertThat(totals.getText()).isEqualTo("3 entries · 3 images · $0.0720");

        @SuppressWarnings("unchecked")
        ComboBox<AuditFilterOptions.Person> user = _get(ComboBox.class, spec -> spec.withLabel("User"));
        _setValue(user, user.getListDataView().getItems().filter(p -> p.id().equals(ana.id())).findFirst().orElseThrow());
        assertThat(GridKt._size(grid())).isEqualTo(2);

        @SuppressWarnings("unchecked")
        ComboBox<AuditFilterOptions.Model> model = _get(ComboBox.class, spec -> spec.withLabel("Model"));
        _setValue(model, model.getListDataView().getItems().filter(m -> m.id().equals("gpt-image-2")).findFirst().orElseThrow());
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(totals.getText()).isEqualTo("1 entry · 1 image · $0.0420");

        _click(_get(Button.class, spec -> spec.withText("Clear filters")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search prompts")), "fox");
        assertThat(GridKt._size(grid())).isEqualTo(2);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search prompts")), "nothing-matches-this");
        assertThat(GridKt._size(grid())).isZero();
        assertThat(grid().getEmptyStateText()).isEqualTo("No audit entries match these filters.");
    }

    @Test
    void theExportLinkDownloadsAFileAndTheWebhookCardValidates() {
        login(dana);
        navigate("audit");

        Anchor export = _get(Anchor.class, spec -> spec.withClasses("audit-export"));
        assertThat(export.getHref()).isNotBlank();
        assertThat(export.getElement().hasAttribute("download")).isTrue();

        TextField url = _get(TextField.class, spec -> spec.withLabel("Webhook URL"));
        _setValue(url, "ftp://example.com/hook");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).isEqualTo("Only http and https webhook URLs are allowed.");

        _setValue(url, "http://127.0.0.1:9/hook");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(url.isInvalid()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withClasses("webhook-status")).getText()).isEqualTo("No delivery yet.");
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditRow> grid() {
        return _get(Grid.class, spec -> spec.withClasses("audit-grid"));
    }

    private void insert(TestUser actor, String name, String model, String prompt, long cost, OffsetDateTime at) {
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(acme);
        row.setActorId(actor.id());
        row.setActorName(name);
        row.setCategory("generation");
        row.setAction("generate");
        row.setStatus("succeeded");
        row.setOutcome("success");
        row.setGenerationId(prompt.equals(XSS) ? generationId : UUID.randomUUID());
        row.setPrompt(prompt);
        row.setModel(model);
        row.setSize("1024x1024");
        row.setQuality("low");
        row.setCostMicros(cost);
        row.setImageIds(new UUID[] {UUID.randomUUID()});
        row.setAt(at);
        db.insertInto(AUDIT_LOG).set(row).execute();
    }
}
