package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.IMAGE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Retention end to end on the real database and store: the admin's setting, the job, the audit row, and what the
 * image URLs and views answer afterwards (410 and "Image expired", not a broken image).
 */
@IntegrationTest
class RetentionJobTest {

    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;
    @Autowired
    ImageStore store;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    RetentionSettings retention;
    @Autowired
    RetentionJob job;
    @Autowired
    ImageController controller;
    @Autowired
    ImageAccess access;

    TestUser dana;
    TestUser ana;
    UUID old;
    UUID recent;
    UUID otherWorkspacesOld;

    @BeforeEach
    void seed() {
        UUID acme = users.workspace("Retained");
        dana = users.admin(acme, "Dana");
        ana = users.member(acme, "Ana");
        GalleryFixtures fixtures = new GalleryFixtures(db, store);
        old = fixtures.generation(acme, ana.id(), "old", "gpt-image-2", clock.instant().minus(Duration.ofDays(40)), 1, true).first();
        recent = fixtures.generation(acme, ana.id(), "recent", "gpt-image-2", clock.instant().minus(Duration.ofDays(1)), 1, true).first();
        TestUser bea = users.member(users.workspace("KeepsAll"), "Bea");
        otherWorkspacesOld = fixtures.generation(bea.workspaceId(), bea.id(), "kept", "gpt-image-2",
                clock.instant().minus(Duration.ofDays(400)), 1, true).first();
    }

    @AfterEach
    void logOut() {
        LoggedIn.nobody();
    }

    @Test
    void imagesOlderThanTheRetentionAreExpiredAuditedAndAnswerGone() {
        LoggedIn.as(dana, memberships);
        assertThat(retention.setDays(30)).isEqualTo(Notice.success("Images older than 30 days will be deleted within the hour."));

        assertThat(job.runOnce()).isGreaterThanOrEqualTo(1);

        var row = db.selectFrom(IMAGE).where(IMAGE.ID.eq(old)).fetchSingle();
        assertThat(row.getExpiredAt()).isNotNull();
        assertThat(row.getDeletedAt()).isNotNull();
        assertThat(store.exists(StorageKey.original(ana.workspaceId(), old, ImageFormat.PNG))).isFalse();
        assertThat(store.exists(StorageKey.thumbnail(ana.workspaceId(), old))).isFalse();
        assertThat(store.exists(StorageKey.original(ana.workspaceId(), recent, ImageFormat.PNG))).isTrue();
        assertThat(db.selectFrom(IMAGE).where(IMAGE.ID.eq(recent)).fetchSingle().getExpiredAt()).isNull();
        assertThat(db.selectFrom(IMAGE).where(IMAGE.ID.eq(otherWorkspacesOld)).fetchSingle().getExpiredAt())
                .as("a workspace without retention keeps everything").isNull();

        var audit = db.selectFrom(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(ana.workspaceId())
                .and(AUDIT_LOG.ACTION.eq("admin.retention.images_expired"))).fetchSingle();
        assertThat(audit.getImageIds()).containsExactly(old);
        assertThat(audit.getActorName()).isEqualTo("Retention policy");
        assertThat(audit.getDetails().data()).contains("\"retention_days\": 30").contains("\"images\": 1");

        LoggedIn.as(ana, memberships);
        for (var response : List.of(controller.original(old.toString(), null), controller.thumbnail(old.toString(), null),
                controller.download(old.toString(), null))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.GONE);
            assertThat(response.getBody()).isEqualTo(ImageController.EXPIRED);
        }
        assertThat(controller.original(recent.toString(), null).getStatusCode()).isEqualTo(HttpStatus.OK);
        ExpiredImages expired = access.expiredAmong(List.of(old, recent));
        assertThat(expired.ids()).containsExactly(old);
        assertThat(expired.retentionDays()).isEqualTo(30);

        TestUser eve = users.member(users.workspace("Elsewhere"), "Eve");
        LoggedIn.as(eve, memberships);
        assertThat(controller.original(old.toString(), null).getStatusCode())
                .as("another workspace learns nothing").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(access.expiredAmong(List.of(old)).ids()).isEmpty();
    }

    @Test
    void runningAgainExpiresNothingMore() {
        LoggedIn.as(dana, memberships);
        retention.setDays(30);
        job.runOnce();
        long audited = auditRows();

        job.runOnce();

        assertThat(auditRows()).isEqualTo(audited);
    }

    @Test
    void zeroKeepsForeverAndOnlyAdminsMayChangeIt() {
        LoggedIn.as(dana, memberships);
        assertThat(retention.setDays(0)).isEqualTo(Notice.info("Nothing changed."));
        assertThatThrownBy(() -> retention.setDays(-1)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> retention.setDays(RetentionSettings.MAX_DAYS + 1)).isInstanceOf(UserInputException.class);
        job.runOnce();
        assertThat(db.selectFrom(IMAGE).where(IMAGE.ID.eq(old)).fetchSingle().getExpiredAt()).isNull();
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.WORKSPACE_ID.eq(ana.workspaceId())
                .and(AUDIT_LOG.ACTION.eq("admin.retention.updated")))).isZero();

        LoggedIn.as(ana, memberships);
        assertThat(retention.days()).isZero();
        assertThatThrownBy(() -> retention.setDays(1)).isInstanceOf(AccessDeniedException.class);

        LoggedIn.as(dana, memberships);
        retention.setDays(7);
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.WORKSPACE_ID.eq(ana.workspaceId())
                .and(AUDIT_LOG.ACTION.eq("admin.retention.updated")))).isEqualTo(1);
    }

    private long auditRows() {
        return db.fetchCount(AUDIT_LOG, AUDIT_LOG.WORKSPACE_ID.eq(ana.workspaceId())
                .and(AUDIT_LOG.ACTION.eq("admin.retention.images_expired")));
    }
}
