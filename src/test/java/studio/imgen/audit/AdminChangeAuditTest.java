package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;
import tools.jackson.databind.ObjectMapper;

/** The API the admin module calls for every change, and the writer's failure handling. */
@IntegrationTest
class AdminChangeAuditTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    UUID acme;
    TestUser dana;

    @BeforeEach
    void setUp() {
        acme = users.workspace("Acme");
        dana = users.admin(acme, "Dana");
    }

    @Autowired
    studio.imgen.admin.WorkspaceSettingsService settings;
    @Autowired
    studio.imgen.security.MembershipLookup memberships;
    @Autowired
    studio.imgen.testsupport.FakeOpenAi fake;

    @Test
    void changesMadeThroughTheAdminServicesAreRecordedIncludingKeyTests() {
        UUID keyed = users.workspaceWithKey("Keyed");
        TestUser admin = users.admin(keyed, "Dana");
        studio.imgen.testsupport.LoggedIn.as(admin, memberships);
        try {
            fake.reset();
            settings.testApiKey();
            fake.enqueueFault(studio.imgen.testsupport.Fault.invalidApiKey());
            settings.testApiKey();
        } finally {
            fake.reset();
            studio.imgen.testsupport.LoggedIn.nobody();
        }

        var rows = db.selectFrom(imgen.db.Tables.AUDIT_LOG)
                .where(imgen.db.Tables.AUDIT_LOG.WORKSPACE_ID.eq(keyed)
                        .and(imgen.db.Tables.AUDIT_LOG.ACTION.eq("admin.key.tested")))
                .orderBy(imgen.db.Tables.AUDIT_LOG.SEQ).fetch();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).formatJSON()).contains("accepted").doesNotContain(studio.imgen.testsupport.TestUsers.API_KEY);
        assertThat(rows.get(1).formatJSON()).contains("refused (invalid_key)");
    }

    @Test
    void anAdminChangeIsRecordedWithActorTargetAndBeforeAfter() throws Exception {
        auditLog.recordAdminChange(acme, dana.id(), "rule.updated", "Designers", "60s cooldown\nModels: All",
                "10s cooldown\nModels: gpt-image-2");

        AuditLogRecord row = single();
        assertThat(row.getWorkspaceId()).isEqualTo(acme);
        assertThat(row.getActorId()).isEqualTo(dana.id());
        assertThat(row.getActorName()).isEqualTo("Dana");
        assertThat(row.getCategory()).isEqualTo("admin");
        assertThat(row.getAction()).isEqualTo("admin.rule.updated");
        assertThat(row.getOutcome()).isEqualTo("success");
        assertThat(row.getTargetName()).isEqualTo("Designers");
        // CR/LF are kept as data inside JSON, never as log lines (L4).
        assertThat(details(row)).containsEntry("before", "60s cooldown\nModels: All")
                .containsEntry("after", "10s cooldown\nModels: gpt-image-2");
    }

    @Test
    void structuredValuesAreKeptAndAKeyIsNeverStoredEvenIfACallerPassesOne() throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("key", "not set");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("key", "sk-proj-abcdefghijklmnopqrstuvwxyz1234");
        after.put("last4", "1234");
        auditLog.recordAdminChange(acme, dana.id(), "api_key.set", null, before, after);

        AuditLogRecord row = single();
        assertThat(row.getDetails().data()).doesNotContain("abcdefghijklmnop").contains("[key …1234]");
        assertThat(details(row)).containsEntry("before", Map.of("key", "not set"));
    }

    @Test
    void theRowBelongsToTheChangesTransactionAndRollsBackWithIt() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            db.update(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.DEFAULT_SIZE, "1024x1536")
                    .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(acme)).execute();
            auditLog.recordAdminChange(acme, dana.id(), "defaults.updated", "", "Size: auto", "Size: 1024x1536");
            throw new IllegalStateException("the change failed after all");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTOR_ID.eq(dana.id()))).isZero();
    }

    @Test
    void aChangeThatCannotBeAuditedIsNotMadeEither() {
        assertThatThrownBy(() -> auditLog.recordAdminChange(acme, dana.id(), "Bad Action!", "", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auditLog.recordAdminChange(null, dana.id(), "defaults.updated", "", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMembersEventWhoseRowCannotBeWrittenIsLoggedAndNeverThrown() {
        AuditLogRecord invalid = new AuditLogRecord();
        invalid.setWorkspaceId(acme);
        invalid.setActorId(dana.id());
        invalid.setCategory("nonsense");
        invalid.setAction("generate");
        invalid.setOutcome("success");

        auditLog.appendIndependently("test", () -> List.of(invalid));
        auditLog.appendIndependently("test", () -> {
            throw new IllegalStateException("cannot read the generation");
        });

        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTOR_ID.eq(dana.id()))).isZero();
    }

    private AuditLogRecord single() {
        List<AuditLogRecord> rows = db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTOR_ID.eq(dana.id())).fetch();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(AuditLogRecord row) throws Exception {
        return json.readValue(row.getDetails().data(), Map.class);
    }
}
