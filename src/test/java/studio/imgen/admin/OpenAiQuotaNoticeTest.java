package studio.imgen.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.TestUsers;

/** Two notices over one database stand for two instances of the app. */
@IntegrationTest
class OpenAiQuotaNoticeTest {

    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    TestUsers users;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aNoticeReportedHereIsClearedByTheNextSuccessHere() {
        UUID workspace = users.workspaceWithKey("Acme");
        OpenAiQuotaNotice here = new OpenAiQuotaNotice(db, clock, nanos::get);
        here.clear(workspace);

        here.reportExhausted(workspace);
        assertThat(here.reportedAt(workspace)).isPresent();
        here.clear(workspace);

        assertThat(here.reportedAt(workspace)).isEmpty();
    }

    @Test
    void aNoticeReportedElsewhereIsClearedByASuccessHereWithinAMinuteOfTheLastClearing() {
        UUID workspace = users.workspaceWithKey("Acme");
        OpenAiQuotaNotice here = new OpenAiQuotaNotice(db, clock, nanos::get);
        OpenAiQuotaNotice elsewhere = new OpenAiQuotaNotice(db, clock, nanos::get);
        here.clear(workspace);

        elsewhere.reportExhausted(workspace);
        here.clear(workspace);
        assertThat(here.reportedAt(workspace)).as("a success just after a clearing writes nothing").isPresent();

        nanos.addAndGet(OpenAiQuotaNotice.TRUSTED.toNanos());
        here.clear(workspace);
        assertThat(here.reportedAt(workspace)).isEmpty();
    }
}
