package studio.imgen.gallery;

import studio.imgen.base.db.MaintenanceLease;
import static imgen.db.Tables.IMAGE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.admin.RetentionSettings.WorkspaceRetention;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageException;
import studio.imgen.storage.StorageKey;

/**
 * Expires images older than their workspace's retention: the rows are marked (soft-deleted, {@code expired_at} set)
 * first, then the files are deleted, never the reverse; a file that cannot be deleted now is an orphan that the
 * {@link StorageCleaner} removes later. Rows stay, so audit entries, generations and thread turns that point at an
 * image show "Image expired" (its URLs answer 410) instead of a broken image. Each batch is recorded in the audit log
 * through {@link ImagesExpired}. One instance runs it at a time ({@link MaintenanceLease}).
 */
@Component
class RetentionJob {

    static final String JOB = "retention";
    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSettings settings;
    private final MaintenanceLease lease;
    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final ImageStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetentionJob(RetentionSettings settings, MaintenanceLease lease, DSLContext db, TransactionTemplate transaction,
                 ImageStore store, ApplicationEventPublisher events, Clock clock) {
        this.settings = settings;
        this.lease = lease;
        this.db = db;
        this.transaction = transaction;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${app.retention.interval:1h}", initialDelayString = "${app.retention.interval:1h}")
    void scheduled() {
        lease.tryClaim(JOB, Duration.ofMinutes(30)).ifPresent(token -> {
            try {
                int expired = runOnce();
                if (expired > 0) {
                    log.info("Retention expired {} images", expired);
                }
            } finally {
                lease.release(JOB, token);
            }
        });
    }

    /** @return how many images were expired in all workspaces */
    int runOnce() {
        int total = 0;
        for (WorkspaceRetention workspace : settings.active()) {
            try {
                total += expire(workspace);
            } catch (RuntimeException e) {
                // One workspace's trouble must not stop the others; the next run tries again.
                log.error("Retention failed for workspace {}", workspace.workspaceId(), e);
            }
        }
        return total;
    }

    private int expire(WorkspaceRetention workspace) {
        int total = 0;
        List<Expired> batch;
        do {
            batch = transaction.execute(status -> markBatch(workspace));
            for (Expired image : batch) {
                deleteQuietly(StorageKey.original(workspace.workspaceId(), image.id(), image.format()));
                deleteQuietly(StorageKey.thumbnail(workspace.workspaceId(), image.id()));
            }
            if (!batch.isEmpty()) {
                events.publishEvent(new ImagesExpired(workspace.workspaceId(), workspace.days(),
                        batch.stream().map(Expired::id).toList()));
            }
            total += batch.size();
        } while (batch.size() == BATCH);
        return total;
    }

    /** The application clock decides age, like everywhere else; SKIP LOCKED keeps a concurrent delete from waiting. */
    private List<Expired> markBatch(WorkspaceRetention workspace) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime cutoff = now.minusDays(workspace.days());
        var due = DSL.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.WORKSPACE_ID.eq(workspace.workspaceId())
                        .and(IMAGE.DELETED_AT.isNull())
                        .and(IMAGE.CREATED_AT.lt(cutoff)))
                .orderBy(IMAGE.CREATED_AT)
                .limit(BATCH)
                .forUpdate().skipLocked();
        return db.update(IMAGE)
                .set(IMAGE.EXPIRED_AT, now)
                .set(IMAGE.DELETED_AT, now)
                .where(IMAGE.ID.in(due))
                .returning(IMAGE.ID, IMAGE.FORMAT)
                .fetch(r -> new Expired(r.getId(), ImageFormat.valueOf(r.getFormat().toUpperCase(Locale.ROOT))));
    }

    private void deleteQuietly(StorageKey key) {
        try {
            store.delete(key);
        } catch (StorageException e) {
            log.warn("Could not delete expired {}; the storage cleaner will retry: {}", key, e.getMessage());
        }
    }

    private record Expired(UUID id, ImageFormat format) {
    }
}
