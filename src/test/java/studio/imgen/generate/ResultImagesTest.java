package studio.imgen.generate;

import static imgen.db.Tables.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.gallery.GalleryFixtures;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The image API other modules go through (the gallery, its endpoints and maintenance jobs): reads and the soft delete
 * work on the caller's workspace only, and the retention expiry on the workspace it names.
 */
@IntegrationTest
class ResultImagesTest {

    @Autowired
    ResultImages images;
    @Autowired
    ImageMaintenance maintenance;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;
    @Autowired
    MutableClock clock;

    GalleryFixtures fixtures;
    UUID acme;
    UUID other;
    TestUser ana;
    TestUser eve;

    @BeforeEach
    void setUp() {
        fixtures = new GalleryFixtures(db, store);
        acme = users.workspace("Acme");
        other = users.workspace("Other");
        ana = users.member(acme, "Ana");
        eve = users.member(other, "Eve");
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void anotherWorkspacesImageCannotBeSoftDeletedEvenByAnAdmin() {
        UUID eves = fixtures.generation(other, eve.id(), "eve's", "gpt-image-2", clock.instant(), 1, false).first();

        LoggedIn.as(ana, memberships);
        assertThat(images.softDelete(eves)).isEqualTo(ResultDeletion.Refused.NOT_FOUND);
        LoggedIn.as(users.admin(acme, "Dana"), memberships);
        assertThat(images.softDelete(eves)).isEqualTo(ResultDeletion.Refused.NOT_FOUND);
        assertThat(images.find(eves)).isEmpty();
        assertThat(images.file(eves)).isEmpty();
        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(eves)).getDeletedAt()).isNull();

        LoggedIn.as(eve, memberships);
        assertThat(images.softDelete(eves)).isEqualTo(new ResultDeletion.Deleted(eves, other, eve.id(), eve.id()));
        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(eves)).getDeletedBy()).isEqualTo(eve.id());
    }

    @Test
    void aMemberOfTheWorkspaceWhoDidNotRequestTheImageIsRefused() {
        UUID anas = fixtures.generation(acme, ana.id(), "ana's", "gpt-image-2", clock.instant(), 1, false).first();

        LoggedIn.as(users.member(acme, "Ben"), memberships);
        assertThat(images.softDelete(anas)).isEqualTo(ResultDeletion.Refused.NOT_YOURS);
        assertThat(images.find(anas)).isPresent();
    }

    @Test
    void aCallerWithoutAWorkspaceIsRefusedBeforeAnyRead() {
        LoggedIn.as(users.create(null, "Loner", false, false), memberships);
        UUID any = UUID.randomUUID();

        for (Runnable call : List.<Runnable>of(() -> images.find(any), () -> images.softDelete(any),
                () -> images.file(any), () -> images.expiredAmong(List.of(any)))) {
            assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void expiryMarksOnlyTheNamedWorkspacesOldImagesAndTheCallerSeesOnlyItsOwn() {
        Instant now = clock.instant();
        UUID old = fixtures.generation(acme, ana.id(), "old", "gpt-image-2", now.minus(Duration.ofDays(40)), 1, false).first();
        UUID recent = fixtures.generation(acme, ana.id(), "new", "gpt-image-2", now.minus(Duration.ofDays(5)), 1, false).first();
        UUID elsewhere = fixtures.generation(other, eve.id(), "old too", "gpt-image-2", now.minus(Duration.ofDays(40)), 1, false).first();

        List<ImageKey> expired = maintenance.expireOlderThan(acme, Duration.ofDays(30), 200);

        assertThat(expired).extracting(ImageKey::imageId).containsExactly(old);
        assertThat(expired.getFirst().original().workspaceId()).isEqualTo(acme);
        assertThat(maintenance.liveAmong(List.of(old, recent, elsewhere))).extracting(ImageKey::imageId)
                .containsExactlyInAnyOrder(recent, elsewhere);
        LoggedIn.as(ana, memberships);
        assertThat(images.expiredAmong(List.of(old, recent, elsewhere))).containsExactly(old);
        LoggedIn.as(eve, memberships);
        assertThat(images.expiredAmong(List.of(old, recent, elsewhere))).isEmpty();
    }
}
