package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.LOGIN_EVENT;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.testsupport.FormLogin;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Login attempts through the real login form end up in the audit log of every workspace of the account. */
class LoginAuditTest extends ServerTest {

    @Autowired
    DSLContext db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSuccessfulLoginIsRecordedInEachWorkspaceOfTheAccountWithTheClientAddress() throws Exception {
        UUID acme = users.workspace("Acme");
        UUID beta = users.workspace("Beta");
        TestUser ana = users.member(acme, "Ana");
        users.join(ana, beta, false);

        assertThat(new FormLogin(port).login(ana.username(), TestUsers.PASSWORD)).endsWith("/");

        List<AuditLogRecord> rows = rowsOf(ana);
        assertThat(rows).extracting(AuditLogRecord::getWorkspaceId).containsExactlyInAnyOrder(acme, beta);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getCategory()).isEqualTo("login");
            assertThat(row.getAction()).isEqualTo("login");
            assertThat(row.getStatus()).isEqualTo("succeeded");
            assertThat(row.getOutcome()).isEqualTo("success");
            assertThat(row.getActorName()).isEqualTo("Ana");
            assertThat(row.getTargetId()).isEqualTo(ana.id());
            assertThat(row.getClientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(row.getDetails().data()).contains(ana.username());
        });
    }

    @Test
    void wrongPasswordThrottledAndDisabledAttemptsAreRecordedWithTheirOutcome() throws Exception {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        FormLogin browser = new FormLogin(port);
        for (int i = 0; i < 10; i++) {
            browser.login(ana.username(), "guess " + i);
        }
        browser.login(ana.username(), TestUsers.PASSWORD);
        TestUser ben = users.member(users.workspace("Acme"), "Ben");
        users.disable(ben);
        browser.login(ben.username(), TestUsers.PASSWORD);

        // The progressive delay starts after a few failures: from then on attempts are throttled, not checked.
        List<AuditLogRecord> anas = rowsOf(ana);
        assertThat(anas).hasSize(11).extracting(AuditLogRecord::getStatus)
                .containsExactlyElementsOf(loginEvents(ana).stream()
                        .map(o -> o.equals("bad_credentials") ? "failed" : o).toList())
                .startsWith("failed").endsWith("throttled");
        assertThat(anas).filteredOn(r -> r.getStatus().equals("failed")).extracting(AuditLogRecord::getOutcome)
                .containsOnly("failure");
        assertThat(anas.get(10)).extracting(AuditLogRecord::getOutcome, AuditLogRecord::getWorkspaceId, AuditLogRecord::getActorId)
                .containsExactly("denied", ana.workspaceId(), ana.id());
        assertThat(rowsOf(ben)).extracting(AuditLogRecord::getStatus, AuditLogRecord::getOutcome)
                .containsExactly(tuple("disabled", "denied"));
    }

    @Test
    void anAttemptOnAnUnknownNameBelongsToNoWorkspace() throws Exception {
        String name = TestUsers.unique("nobody") + "\r\nforged line";

        new FormLogin(port).login(name, "whatever");

        List<AuditLogRecord> rows = db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTOR_NAME.eq(name)).fetch();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.getWorkspaceId()).isNull();
            assertThat(row.getActorId()).isNull();
            assertThat(row.getStatus()).isEqualTo("failed");
        });
    }

    private List<String> loginEvents(TestUser user) {
        return db.select(LOGIN_EVENT.OUTCOME).from(LOGIN_EVENT).where(LOGIN_EVENT.USERNAME.eq(user.username()))
                .orderBy(LOGIN_EVENT.ID).fetch(LOGIN_EVENT.OUTCOME);
    }

    private List<AuditLogRecord> rowsOf(TestUser user) {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTOR_ID.eq(user.id()).and(AUDIT_LOG.CATEGORY.eq("login")))
                .orderBy(AUDIT_LOG.SEQ).fetch();
    }
}
