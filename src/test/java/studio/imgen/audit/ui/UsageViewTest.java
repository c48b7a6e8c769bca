package studio.imgen.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;

import static imgen.db.Tables.AUDIT_LOG;

/** The usage page: charts with axis labels, names as text, admins see everyone and members themselves. */
class UsageViewTest extends KaribuTest {

    @Autowired
    DSLContext db;

    UUID acme;
    TestUser dana;
    TestUser ana;

    @BeforeEach
    void seed() {
        acme = users.workspace("Acme");
        dana = users.admin(acme, "Dana");
        ana = users.member(acme, "Ana");
        insert(ana.id(), "<img src=x onerror=alert(1)>", 30_000);
        // Dana's came through the images API with her token "ci".
        insert(dana.id(), "Dana", 10_000);
    }

    @Test
    void anAdminSeesChartsWithAxesAndEveryUserByName() {
        login(dana);
        navigate("usage");

        assertThat(_find(H3.class)).extracting(H3::getText)
                .containsExactly("Your allowance", "Cost per day", "Images per day", "Per user", "Per model",
                        "Browser and API tokens",
                        "Per role (a member with several roles counts under each)");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("usage-summary")).getText())
                .isEqualTo("Everyone in this workspace: 2 generations, 2 images, $0.0400.");
        String svg = _find(Svg.class).get(0).getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("Day (UTC)").contains("<rect class=\"bar\"")
                .contains("$0.0300").doesNotContain("onerror");
        assertThat(_find(Span.class, spec -> spec.withClasses("usage-bar-label"))).extracting(Span::getText)
                .containsExactly("<img src=x onerror=alert(1)>", "Dana", "gpt-image-2", "ImGen Studio (browser)",
                        "API token ci", "(no role)");

        Tabs period = _get(Tabs.class);
        assertThat(((Tab) period.getComponentAt(1)).getLabel()).isEqualTo("Last 90 days");
        period.setSelectedIndex(1);
        assertThat(_find(Svg.class).get(0).getElement().getProperty("innerHTML")).contains("<rect class=\"bar\"");
    }

    @Test
    void aMemberSeesOnlyTheirOwnUsage() {
        login(ana);
        navigate("usage");

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("usage-summary")).getText())
                .isEqualTo("Your generations: 1 generations, 1 images, $0.0300.");
        assertThat(_find(H3.class)).extracting(H3::getText).doesNotContain("Per user");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Today: 0 generations (no daily limit)");
    }

    private void insert(UUID actor, String name, long cost) {
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(acme);
        row.setActorId(actor);
        row.setActorName(name);
        row.setCategory("generation");
        row.setAction("generate");
        row.setStatus("succeeded");
        row.setOutcome("success");
        row.setModel("gpt-image-2");
        row.setCostMicros(cost);
        row.setImageIds(new UUID[] {UUID.randomUUID()});
        row.setAt(OffsetDateTime.now(clock).minusMinutes(2));
        if (name.equals("Dana")) {
            row.setDetails(org.jooq.JSONB.valueOf("{\"via_token\": \"ci\"}"));
        }
        db.insertInto(AUDIT_LOG).set(row).execute();
    }
}
