package studio.imgen.audit;

import static imgen.db.Tables.WORKSPACE_WEBHOOK;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.WorkspaceWebhookRecord;

/** The webhook row of a workspace and the result of its last delivery. */
@Repository
class WebhookRepository {

    private final DSLContext db;
    private final Clock clock;

    WebhookRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<WorkspaceWebhookRecord> find(UUID workspaceId) {
        return db.selectFrom(WORKSPACE_WEBHOOK).where(WORKSPACE_WEBHOOK.WORKSPACE_ID.eq(workspaceId)).fetchOptional();
    }

    /** Sets the URL; a new URL starts with no delivery history. */
    void save(UUID workspaceId, String url, UUID by) {
        db.insertInto(WORKSPACE_WEBHOOK)
                .set(WORKSPACE_WEBHOOK.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_WEBHOOK.URL, url)
                .set(WORKSPACE_WEBHOOK.UPDATED_BY, by)
                .onConflict(WORKSPACE_WEBHOOK.WORKSPACE_ID).doUpdate()
                .set(WORKSPACE_WEBHOOK.URL, url)
                .set(WORKSPACE_WEBHOOK.UPDATED_BY, by)
                .set(WORKSPACE_WEBHOOK.UPDATED_AT, OffsetDateTime.now(clock))
                .setNull(WORKSPACE_WEBHOOK.LAST_STATUS)
                .setNull(WORKSPACE_WEBHOOK.LAST_ATTEMPT_AT)
                .setNull(WORKSPACE_WEBHOOK.LAST_HTTP_STATUS)
                .setNull(WORKSPACE_WEBHOOK.LAST_ERROR)
                .setNull(WORKSPACE_WEBHOOK.LAST_DELIVERED_AT)
                .set(WORKSPACE_WEBHOOK.FAILURES_IN_A_ROW, 0)
                .execute();
    }

    boolean delete(UUID workspaceId) {
        return db.deleteFrom(WORKSPACE_WEBHOOK).where(WORKSPACE_WEBHOOK.WORKSPACE_ID.eq(workspaceId)).execute() == 1;
    }

    /** Records a delivery's outcome, unless the URL was changed meanwhile (the result belongs to the old one). */
    void recordOutcome(UUID workspaceId, String url, boolean delivered, Integer httpStatus, String error) {
        var update = db.update(WORKSPACE_WEBHOOK)
                .set(WORKSPACE_WEBHOOK.LAST_STATUS, delivered ? "delivered" : "failed")
                .set(WORKSPACE_WEBHOOK.LAST_ATTEMPT_AT, OffsetDateTime.now(clock))
                .set(WORKSPACE_WEBHOOK.LAST_HTTP_STATUS, httpStatus)
                .set(WORKSPACE_WEBHOOK.LAST_ERROR, error == null ? null : AuditLog.cap(error, 500));
        (delivered
                ? update.set(WORKSPACE_WEBHOOK.LAST_DELIVERED_AT, OffsetDateTime.now(clock))
                        .set(WORKSPACE_WEBHOOK.FAILURES_IN_A_ROW, 0)
                : update.set(WORKSPACE_WEBHOOK.FAILURES_IN_A_ROW, WORKSPACE_WEBHOOK.FAILURES_IN_A_ROW.plus(1)))
                .where(WORKSPACE_WEBHOOK.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_WEBHOOK.URL.eq(url)))
                .execute();
    }
}
