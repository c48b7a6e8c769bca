package studio.imgen.admin;

import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells a workspace's admins that OpenAI reported the account out of credit ({@code insufficient_quota}). Recorded by
 * the generation worker, shown in the admin settings overview, and cleared when a generation succeeds again or the
 * key changes. Not a member-facing service: callers are internal and pass the workspace themselves.
 */
@Component
public class OpenAiQuotaNotice {

    /** How long a success here trusts that no other instance has reported the workspace's credit gone since. */
    static final Duration TRUSTED = Duration.ofMinutes(1);

    private final DSLContext db;
    private final Clock clock;
    /** Workspaces whose notice this instance cleared, and when (nanoTime): not a write for every success. */
    private final Map<UUID, Long> clearedAt = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    @Autowired
    OpenAiQuotaNotice(DSLContext db, Clock clock) {
        this(db, clock, System::nanoTime);
    }

    OpenAiQuotaNotice(DSLContext db, Clock clock, LongSupplier nanoTime) {
        this.db = db;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    public void reportExhausted(UUID workspaceId) {
        clearedAt.remove(workspaceId);
        db.update(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId)).execute();
    }

    /**
     * After a success; a no-op (no row written) when there is no notice. A notice this instance reported is cleared by
     * the next success at once; one reported by another instance within {@link #TRUSTED} of the last clearing here.
     */
    public void clear(UUID workspaceId) {
        long now = nanoTime.getAsLong();
        Long cleared = clearedAt.get(workspaceId);
        if (cleared != null && now - cleared < TRUSTED.toNanos()) {
            return;
        }
        db.update(WORKSPACE_SETTINGS).setNull(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT.isNotNull()).execute();
        clearedAt.put(workspaceId, now);
    }

    Optional<Instant> reportedAt(UUID workspaceId) {
        return db.select(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .fetchOptional(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT)
                .map(at -> at.toInstant());
    }
}
