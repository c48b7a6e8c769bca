package studio.imgen.gallery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import studio.imgen.base.db.MaintenanceLease;
import studio.imgen.generate.ImageKey;
import studio.imgen.generate.ImageMaintenance;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.StoredFile;

/**
 * Keeps the image store and the image rows ({@code generate}'s, read through {@link ImageMaintenance}) in step
 * (security-reliability.md §4.7), for local disk and S3 alike (S3 is listed page by page):
 * <ul>
 *   <li>temporary files of interrupted writes are deleted;</li>
 *   <li>a stored file without a live row (never recorded, or its image deleted or expired) is deleted once it is
 *       older than the grace period, so a write whose row is about to be inserted is never touched;</li>
 *   <li>a live row whose file is missing is reported (WARN), never deleted: that needs a human.</li>
 * </ul>
 * One instance runs it at a time ({@link MaintenanceLease}).
 */
@Component
class StorageCleaner {

    static final String JOB = "storage-cleaner";
    private static final int BATCH = 500;
    private static final int REPORTED = 20;
    private static final Logger log = LoggerFactory.getLogger(StorageCleaner.class);

    private final ImageStore store;
    private final PendingUploads pendingUploads;
    private final ImageMaintenance images;
    private final MaintenanceLease lease;
    private final Clock clock;
    private final Duration grace;

    StorageCleaner(ImageStore store, PendingUploads pendingUploads, ImageMaintenance images, MaintenanceLease lease,
                   Clock clock, @Value("${app.storage.cleaner.grace:1h}") Duration grace) {
        this.store = store;
        this.pendingUploads = pendingUploads;
        this.images = images;
        this.lease = lease;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${app.storage.cleaner.interval:1h}",
            initialDelayString = "${app.storage.cleaner.interval:1h}")
    void scheduled() {
        lease.tryClaim(JOB, Duration.ofHours(1)).ifPresent(token -> {
            try {
                Report report = clean(grace);
                if (report.tempFiles() + report.orphans() > 0) {
                    log.info("Storage cleaner deleted {} temporary files and {} orphan files in {}",
                            report.tempFiles(), report.orphans(), store.describe());
                }
                // Uploads of forms that were never submitted nor closed (a killed instance): a day is long enough.
                int abandoned = pendingUploads.sweep(Duration.ofDays(1));
                if (abandoned > 0) {
                    log.info("Storage cleaner deleted {} abandoned sets of pending uploads", abandoned);
                }
            } finally {
                lease.release(JOB, token);
            }
        });
    }

    /** Files last modified more than {@code grace} ago are old enough to judge. */
    Report clean(Duration grace) {
        int tempFiles = store.deleteStaleTempFiles(grace);
        Instant cutoff = clock.instant().minus(grace);
        // Rows older than the start of the listing must have their files in it: files are written before rows.
        Instant listedAt = clock.instant();
        Set<StorageKey> present = new HashSet<>();
        int orphans = 0;
        try (Stream<StoredFile> files = store.list()) {
            Iterator<StoredFile> iterator = files.iterator();
            List<StoredFile> batch = new ArrayList<>(BATCH);
            while (iterator.hasNext()) {
                StoredFile file = iterator.next();
                present.add(file.key());
                if (file.lastModified().isBefore(cutoff)) {
                    batch.add(file);
                }
                if (batch.size() == BATCH || !iterator.hasNext()) {
                    orphans += deleteOrphans(batch);
                    batch.clear();
                }
            }
        }
        List<StorageKey> missing = missingFiles(present, listedAt);
        if (!missing.isEmpty()) {
            log.warn("{} image rows point to files missing from {} (the rows are kept; restore the files from a"
                            + " backup or delete the images): {}", missing.size(), store.describe(),
                    missing.subList(0, Math.min(REPORTED, missing.size())));
        }
        return new Report(tempFiles, orphans, missing);
    }

    private int deleteOrphans(List<StoredFile> old) {
        if (old.isEmpty()) {
            return 0;
        }
        Set<UUID> imageIds = new HashSet<>();
        old.forEach(file -> imageIds.add(file.key().imageId()));
        Set<List<UUID>> live = new HashSet<>();
        images.liveAmong(imageIds).forEach(image -> live.add(List.of(image.workspaceId(), image.imageId())));
        int deleted = 0;
        for (StoredFile file : old) {
            if (!live.contains(List.of(file.key().workspaceId(), file.key().imageId()))) {
                store.delete(file.key());
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * Pages through live rows by id, so memory holds one page plus the listed keys. Only originals count: a missing
     * thumbnail is made again on its first request (see {@link OnDemandThumbnails}).
     */
    private List<StorageKey> missingFiles(Set<StorageKey> present, Instant listedAt) {
        List<StorageKey> missing = new ArrayList<>();
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's (unsigned) order
        while (true) {
            List<ImageKey> page = images.liveCreatedBefore(listedAt, after, BATCH);
            for (ImageKey row : page) {
                if (!present.contains(row.original())) {
                    missing.add(row.original());
                }
            }
            if (page.size() < BATCH) {
                return missing;
            }
            after = page.get(page.size() - 1).imageId();
        }
    }

    /** What one run did: temporary and orphan files deleted, and files that live rows point to but are missing. */
    record Report(int tempFiles, int orphans, List<StorageKey> missing) {
    }
}
