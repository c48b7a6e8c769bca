package studio.imgen.admin;

import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Tells a workspace's admins that OpenAI reported the account out of credit ({@code insufficient_quota}). Recorded by
 * the generation worker, shown in the admin settings overview, and cleared when a generation succeeds again or the
 * key changes. Not a member-facing service: callers are internal and pass the workspace themselves.
 */
@Component
public class OpenAiQuotaNotice {

    private final DSLContext db;
    private final Clock clock;

    OpenAiQuotaNotice(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void reportExhausted(UUID workspaceId) {
        db.update(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId)).execute();
    }

    /** After a success; a no-op (no row written) when there is no notice. */
    public void clear(UUID workspaceId) {
        db.update(WORKSPACE_SETTINGS).setNull(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT.isNotNull()).execute();
    }

    Optional<Instant> reportedAt(UUID workspaceId) {
        return db.select(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT)
                .map(at -> at.toInstant());
    }
}
