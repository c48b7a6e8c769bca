package studio.imgen.gallery;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.admin.RetentionSettings.WorkspaceRetention;
import studio.imgen.base.db.MaintenanceLease;
import studio.imgen.generate.ImageKey;
import studio.imgen.generate.ImageMaintenance;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageException;
import studio.imgen.storage.StorageKey;

/**
 * Expires images older than their workspace's retention through {@code generate}'s {@link ImageMaintenance}: the rows
 * are marked (soft-deleted, {@code expired_at} set) first, then the files are deleted, never the reverse; a file that cannot be deleted now is an orphan that the
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
    private final ImageMaintenance images;
    private final ImageStore store;
    private final ApplicationEventPublisher events;

    RetentionJob(RetentionSettings settings, MaintenanceLease lease, ImageMaintenance images, ImageStore store,
                 ApplicationEventPublisher events) {
        this.settings = settings;
        this.lease = lease;
        this.images = images;
        this.store = store;
        this.events = events;
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
        List<ImageKey> batch;
        do {
            batch = images.expireOlderThan(workspace.workspaceId(), Duration.ofDays(workspace.days()), BATCH);
            for (ImageKey image : batch) {
                deleteQuietly(image.original());
                deleteQuietly(image.thumbnail());
            }
            if (!batch.isEmpty()) {
                events.publishEvent(new ImagesExpired(workspace.workspaceId(), workspace.days(),
                        batch.stream().map(ImageKey::imageId).toList()));
            }
            total += batch.size();
        } while (batch.size() == BATCH);
        return total;
    }

    private void deleteQuietly(StorageKey key) {
        try {
            store.delete(key);
        } catch (StorageException e) {
            log.warn("Could not delete expired {}; the storage cleaner will retry: {}", key, e.getMessage());
        }
    }
}
