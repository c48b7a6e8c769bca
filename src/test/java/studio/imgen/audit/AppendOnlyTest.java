package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.dao.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The database refuses to change or remove audit rows, whatever the application sends (matrix row 49). The app and
 * Flyway share one role on the embedded database, so the triggers are what makes this hold.
 */
@IntegrationTest
class AppendOnlyTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext db;

    TestUser dana;
    long seq;

    @BeforeEach
    void setUp() {
        UUID acme = users.workspace("Acme");
        dana = users.admin(acme, "Dana");
        auditLog.recordAdminChange(acme, dana.id(), "defaults.updated", "", "Model: gpt-image-2", "Model: gpt-image-1-mini");
        seq = db.select(AUDIT_LOG.SEQ).from(AUDIT_LOG).where(AUDIT_LOG.ACTOR_ID.eq(dana.id())).fetchOne().value1();
    }

    @Test
    void updatingAnAuditRowFails() {
        assertThatThrownBy(() -> db.update(AUDIT_LOG).set(AUDIT_LOG.ACTOR_NAME, "Mallory").where(AUDIT_LOG.SEQ.eq(seq)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (UPDATE blocked)");
        assertThat(row().getActorName()).isEqualTo("Dana");
    }

    @Test
    void deletingAnAuditRowFails() {
        assertThatThrownBy(() -> db.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (DELETE blocked)");
        assertThat(row()).isNotNull();
    }

    @Test
    void truncatingTheAuditLogFails() {
        int before = db.fetchCount(AUDIT_LOG);

        assertThatThrownBy(() -> db.truncate(AUDIT_LOG).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (TRUNCATE blocked)")
                .hasFieldOrPropertyWithValue("SQLState", "42501");
        assertThatThrownBy(() -> db.execute("truncate table audit_log cascade"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only (TRUNCATE blocked)");
        assertThat(db.fetchCount(AUDIT_LOG)).isGreaterThanOrEqualTo(before);
        assertThat(row()).isNotNull();
    }

    private AuditLogRecord row() {
        return db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOne();
    }
}
