package studio.imgen.gallery;

import studio.imgen.base.db.MaintenanceLease;
import studio.imgen.generate.ImageMaintenance;
import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.IMAGE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.S3ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.S3MockServer;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The orphan cleaner on both stores: the app's local disk and a fresh bucket on S3Mock. Other tests share the
 * database and the local store, so every assertion is about this test's own files and rows.
 */
@IntegrationTest
class StorageCleanerTest {

    private static S3ImageStore s3;

    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;
    @Autowired
    ImageStore localStore;
    @Autowired
    ImageMaintenance images;
    @Autowired
    MaintenanceLease lease;
    @Autowired
    PendingUploads pendingUploads;
    @Autowired
    TestUsers users;

    TestUser ana;

    @BeforeEach
    void member() {
        ana = users.member(users.workspace("Cleaned"), "Ana");
    }

    @AfterAll
    static void closeS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    private ImageStore store(String kind) {
        if (kind.equals("local")) {
            return localStore;
        }
        if (s3 == null) {
            S3MockServer server = S3MockServer.shared();
            s3 = server.store(server.createBucket());
        }
        return s3;
    }

    /**
     * The clock that dates the store's files: the app's stamps local files with the application clock; S3 dates its
     * objects with the bucket server's clock (the machine's). Rows and the cleaner must read the same one.
     */
    private Clock timeOf(String kind) {
        return kind.equals("local") ? clock : Clock.systemUTC();
    }

    private StorageCleaner cleaner(ImageStore store, Clock time, Duration clockAhead) {
        return new StorageCleaner(store, pendingUploads, images, lease, Clock.offset(time, clockAhead), Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void orphansOlderThanTheGraceAreDeletedAndMissingFilesReported(String kind) {
        ImageStore store = store(kind);
        Clock time = timeOf(kind);
        GalleryFixtures fixtures = new GalleryFixtures(db, store);
        UUID live = fixtures.generation(ana.workspaceId(), ana.id(), "kept", "gpt-image-2", time.instant(), 1, true).first();
        UUID deleted = fixtures.generation(ana.workspaceId(), ana.id(), "deleted", "gpt-image-2", time.instant(), 1, true).first();
        db.update(IMAGE).set(IMAGE.DELETED_AT, OffsetDateTime.now(time)).where(IMAGE.ID.eq(deleted)).execute();
        UUID fileless = fixtures.generation(ana.workspaceId(), ana.id(), "lost", "gpt-image-2",
                time.instant().minusSeconds(60), 1, false).first();
        StorageKey orphan = StorageKey.original(ana.workspaceId(), UUID.randomUUID(), ImageFormat.PNG);
        StorageKey orphanThumb = StorageKey.thumbnail(ana.workspaceId(), orphan.imageId());
        store.put(orphan, new byte[] {1});
        store.put(orphanThumb, new byte[] {2});
        // A file whose name says another workspace than its row's: not that row's file, so an orphan too.
        StorageKey foreign = StorageKey.original(UUID.randomUUID(), live, ImageFormat.PNG);
        store.put(foreign, new byte[] {3});

        UUID thumbless = fixtures.generation(ana.workspaceId(), ana.id(), "thumbnail not made yet", "gpt-image-2",
                time.instant(), 1, true).first();
        store.delete(StorageKey.thumbnail(ana.workspaceId(), thumbless));

        StorageCleaner.Report fresh = cleaner(store, time, Duration.ZERO).clean(Duration.ofHours(1));

        assertThat(store.exists(orphan)).as("within the grace period an orphan may be a write in flight").isTrue();
        assertThat(store.exists(key(deleted))).isTrue();
        assertThat(fresh.missing()).contains(key(fileless)).doesNotContain(key(live));

        StorageCleaner.Report later = cleaner(store, time, Duration.ofHours(2)).clean(Duration.ofHours(1));

        assertThat(store.exists(orphan)).isFalse();
        assertThat(store.exists(orphanThumb)).isFalse();
        assertThat(store.exists(foreign)).isFalse();
        assertThat(store.exists(key(deleted))).isFalse();
        assertThat(store.exists(StorageKey.thumbnail(ana.workspaceId(), deleted))).isFalse();
        assertThat(store.exists(key(live))).isTrue();
        assertThat(store.exists(StorageKey.thumbnail(ana.workspaceId(), live))).isTrue();
        assertThat(later.orphans()).isGreaterThanOrEqualTo(5);
        assertThat(later.missing()).contains(key(fileless)).doesNotContain(key(live), key(deleted))
                .as("a thumbnail is made on its first request").doesNotContain(StorageKey.thumbnail(ana.workspaceId(), thumbless));
        assertThat(db.fetchExists(IMAGE, IMAGE.ID.eq(fileless))).as("reported, never deleted").isTrue();
    }

    private StorageKey key(UUID imageId) {
        return StorageKey.original(ana.workspaceId(), imageId, ImageFormat.PNG);
    }

    @org.junit.jupiter.api.Test
    void oneInstanceAtATimeHoldsAMaintenanceLease() {
        String job = "test-" + TestUsers.unique("job");
        var first = lease.tryClaim(job, Duration.ofMinutes(5));

        assertThat(first).isPresent();
        assertThat(lease.tryClaim(job, Duration.ofMinutes(5))).isEmpty();
        lease.release(job, UUID.randomUUID()); // not the holder: no effect
        assertThat(lease.tryClaim(job, Duration.ofMinutes(5))).isEmpty();
        lease.release(job, first.get());
        assertThat(lease.tryClaim(job, Duration.ofMinutes(5))).isPresent();
    }
}
