package studio.imgen.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;

/** The admins' "out of credit" notice in the settings overview (set by the worker on 429 insufficient_quota). */
class QuotaNoticeViewTest extends KaribuTest {

    @Autowired
    OpenAiQuotaNotice quotaNotice;

    @Test
    void theOverviewShowsTheNoticeOnlyWhileItStands() {
        UUID workspace = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(workspace, "Dana");
        login(dana);
        navigate("admin");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("overview-alert"))).isEmpty();

        quotaNotice.reportExhausted(workspace);
        reopenAdmin();

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("overview-alert")).getText())
                .startsWith("OpenAI reported insufficient quota at ")
                .endsWith("this notice clears after the next successful generation.");

        quotaNotice.clear(workspace);
        reopenAdmin();
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("overview-alert"))).isEmpty();
    }

    private void reopenAdmin() {
        navigate("");
        navigate("admin");
    }
}
