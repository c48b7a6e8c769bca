package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_LOG;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import imgen.db.tables.records.AuditLogRecord;

/** Writes audit rows directly, for tests about reading the log (recording has its own tests). */
final class AuditSeed {

    private final DSLContext db;

    AuditSeed(DSLContext db) {
        this.db = db;
    }

    /** A succeeded generation entry with one image and the given cost. */
    long generation(UUID workspaceId, UUID actorId, String actorName, String action, String status, String model,
                    String prompt, long costMicros, OffsetDateTime at) {
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(workspaceId);
        row.setActorId(actorId);
        row.setActorName(actorName);
        row.setCategory("generation");
        row.setAction(action);
        row.setStatus(status);
        row.setOutcome(status.equals("failed") ? "failure" : status.equals("denied") ? "denied" : "success");
        row.setGenerationId(UUID.randomUUID());
        row.setPrompt(prompt);
        row.setModel(model);
        row.setSize("1024x1024");
        row.setQuality("low");
        row.setN(1);
        if (status.equals("succeeded")) {
            row.setCostMicros(costMicros);
            row.setImageIds(new UUID[] {UUID.randomUUID()});
        }
        if (at != null) {
            row.setAt(at);
        }
        return db.insertInto(AUDIT_LOG).set(row).returning(AUDIT_LOG.SEQ).fetchOne(AUDIT_LOG.SEQ);
    }

    long login(UUID workspaceId, UUID actorId, String actorName, String status) {
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(workspaceId);
        row.setActorId(actorId);
        row.setActorName(actorName);
        row.setCategory("login");
        row.setAction("login");
        row.setStatus(status);
        row.setOutcome(status.equals("succeeded") ? "success" : "failure");
        return db.insertInto(AUDIT_LOG).set(row).returning(AUDIT_LOG.SEQ).fetchOne(AUDIT_LOG.SEQ);
    }
}
