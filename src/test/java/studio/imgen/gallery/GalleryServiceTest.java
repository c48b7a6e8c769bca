package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.IMAGE;

import jakarta.annotation.security.PermitAll;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import studio.imgen.base.UserInputException;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Paging, filters, details and deletion, always within the caller's workspace. */
@IntegrationTest
@RecordApplicationEvents
class GalleryServiceTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    GalleryService gallery;
    @Autowired
    ImageAccess imageAccess;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;
    @Autowired
    ApplicationEvents events;

    GalleryFixtures fixtures;
    UUID acme;
    TestUser ana;
    TestUser ben;

    @BeforeEach
    void setUp() {
        fixtures = new GalleryFixtures(db, store);
        acme = users.workspace("Acme");
        ana = users.member(acme, "Ana");
        ben = users.member(acme, "Ben");
        LoggedIn.as(ana, memberships);
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void pagesRunNewestFirstWithoutGapsOrRepeatsAlsoForEqualTimes() {
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(0, fixtures.generation(acme, ana.id(), "picture " + i, "gpt-image-2", T0.plusSeconds(i), 1, false).first());
        }
        // Two images of one generation share their creation time: the id orders them, and the cursor must too.
        List<UUID> twins = fixtures.generation(acme, ben.id(), "twins", "gpt-image-2", T0.plusSeconds(10), 2, false).imageIds();
        // PostgreSQL orders uuids by their bytes, which is the order of their hex text (not UUID.compareTo).
        expected.addAll(0, twins.stream().sorted(java.util.Comparator.comparing(UUID::toString).reversed()).toList());

        List<UUID> seen = new ArrayList<>();
        GalleryPage page = gallery.page(GalleryFilter.ALL, null, 3);
        seen.addAll(ids(page));
        assertThat(page.items()).hasSize(3);
        while (page.next().isPresent()) {
            page = gallery.page(GalleryFilter.ALL, page.next().get(), 3);
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(gallery.count(GalleryFilter.ALL)).isEqualTo(7);
    }

    @Test
    void cursorAtJumpsToAPositionAndPagingContinuesFromIt() {
        for (int i = 0; i < 7; i++) {
            fixtures.generation(acme, i % 2 == 0 ? ana.id() : ben.id(), "p" + i, "gpt-image-2", T0.plusSeconds(i), 1, false);
        }
        List<UUID> all = ids(GalleryFilter.ALL);

        GalleryCursor third = gallery.cursorAt(GalleryFilter.ALL, 3).orElseThrow();
        assertThat(ids(gallery.page(GalleryFilter.ALL, third, 2))).containsExactly(all.get(3), all.get(4));
        assertThat(gallery.cursorAt(GalleryFilter.ALL, 0)).isEmpty();
        assertThat(gallery.cursorAt(GalleryFilter.ALL, 7)).isPresent();
        assertThat(gallery.cursorAt(GalleryFilter.ALL, 8)).as("past the end").isEmpty();

        GalleryFilter bens = new GalleryFilter(null, null, ben.id(), null, null);
        List<UUID> bensImages = ids(bens);
        assertThat(ids(gallery.page(bens, gallery.cursorAt(bens, 1).orElseThrow(), 10))).isEqualTo(bensImages.subList(1, 3));
        GalleryFilter p4 = new GalleryFilter("p4", null, null, null, null);
        assertThat(gallery.cursorAt(p4, 1)).isPresent();
        assertThat(gallery.cursorAt(p4, 2)).isEmpty();
    }

    @Test
    void exactlyFullLastPageHasNoNextCursor() {
        for (int i = 0; i < 4; i++) {
            fixtures.generation(acme, ana.id(), "p" + i, "gpt-image-2", T0.plusSeconds(i), 1, false);
        }
        GalleryPage first = gallery.page(GalleryFilter.ALL, null, 2);
        GalleryPage second = gallery.page(GalleryFilter.ALL, first.next().orElseThrow(), 2);

        assertThat(second.items()).hasSize(2);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void promptSearchMatchesWordPrefixesInAnyCaseAndIgnoresQueryOperators() {
        UUID fox = fixtures.generation(acme, ana.id(), "A red fox in the snow", "gpt-image-2", T0, 1, false).first();
        UUID hound = fixtures.generation(acme, ana.id(), "Fox & hound, watercolour", "gpt-image-2", T0.plusSeconds(1), 1, false).first();
        UUID lighthouse = fixtures.generation(acme, ana.id(), "lighthouse at dusk", "gpt-image-2", T0.plusSeconds(2), 1, false).first();

        assertThat(search("fox")).containsExactlyInAnyOrder(fox, hound);
        assertThat(search("FOX snow")).containsExactly(fox);
        assertThat(search("light")).containsExactly(lighthouse);
        assertThat(search("house")).as("prefixes only, not inner substrings").isEmpty();
        assertThat(search("fox:* | light')); drop table image; --")).isEmpty();
        assertThat(search("!!! & ()")).as("no words: no text filter").hasSize(3);
        assertThat(gallery.count(new GalleryFilter("fox", null, null, null, null))).isEqualTo(2);
    }

    @Test
    void modelRequesterAndDateFiltersCombine() {
        UUID early = fixtures.generation(acme, ana.id(), "one", "gpt-image-1.5", T0, 1, false).first();
        UUID mid = fixtures.generation(acme, ben.id(), "two", "gpt-image-1.5", T0.plus(Duration.ofDays(1)), 1, false).first();
        UUID late = fixtures.generation(acme, ana.id(), "three", "gpt-image-2", T0.plus(Duration.ofDays(2)), 1, false).first();

        assertThat(ids(new GalleryFilter(null, "gpt-image-1.5", null, null, null))).containsExactly(mid, early);
        assertThat(ids(new GalleryFilter(null, null, ana.id(), null, null))).containsExactly(late, early);
        assertThat(ids(new GalleryFilter(null, "gpt-image-1.5", ana.id(), null, null))).containsExactly(early);
        // from is inclusive, until exclusive.
        assertThat(ids(new GalleryFilter(null, null, null, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)))))
                .containsExactly(mid);
        assertThat(gallery.count(new GalleryFilter(null, null, ben.id(), T0, null))).isEqualTo(1);
    }

    @Test
    void referencesDeletedImagesAndOtherWorkspacesNeverAppear() {
        var mine = fixtures.generation(acme, ana.id(), "kept", "gpt-image-2", T0, 2, false);
        fixtures.reference(acme, ana.id(), mine.generationId(), T0);
        db.update(IMAGE).set(IMAGE.DELETED_AT, T0.atOffset(java.time.ZoneOffset.UTC))
                .where(IMAGE.ID.eq(mine.imageIds().get(1))).execute();
        UUID other = users.workspace("Other");
        TestUser eve = users.member(other, "Eve");
        UUID foreign = fixtures.generation(other, eve.id(), "kept elsewhere", "gpt-image-2", T0.plusSeconds(5), 1, false).first();

        assertThat(ids(GalleryFilter.ALL)).containsExactly(mine.first());
        assertThat(gallery.count(GalleryFilter.ALL)).isEqualTo(1);
        assertThat(gallery.details(foreign)).isEmpty();
        assertThat(gallery.details(mine.imageIds().get(1))).isEmpty();
        assertThatThrownBy(() -> gallery.delete(foreign)).isInstanceOf(UserInputException.class)
                .hasMessage(GalleryService.NOT_FOUND);
        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(foreign)).getDeletedAt()).isNull();

        LoggedIn.as(eve, memberships);
        assertThat(ids(GalleryFilter.ALL)).containsExactly(foreign);
        assertThat(ids(new GalleryFilter("kept", null, null, null, null))).containsExactly(foreign);
        assertThat(gallery.details(mine.first())).isEmpty();
    }

    @Test
    void detailsCarryTheGenerationItsRequesterAndTheSiblings() {
        var seeded = fixtures.generation(acme, ben.id(), "a <b>bold</b> prompt", "gpt-image-2", T0, 3, false);

        ImageDetails details = gallery.details(seeded.imageIds().get(1)).orElseThrow();

        assertThat(details.imageId()).isEqualTo(seeded.imageIds().get(1));
        assertThat(details.createdAt()).isEqualTo(T0);
        assertThat(details.generation().id()).isEqualTo(seeded.generationId());
        assertThat(details.generation().prompt()).isEqualTo("a <b>bold</b> prompt");
        assertThat(details.generation().userName()).isEqualTo("Ben");
        assertThat(details.generation().costMicros()).isEqualTo(133_180L);
        assertThat(details.generation().images()).extracting(i -> i.id()).containsExactlyElementsOf(seeded.imageIds());
        assertThat(details.deletable()).as("Ana did not request it and is no admin").isFalse();
        assertThat(gallery.page(GalleryFilter.ALL, null, 10).items()).noneMatch(GalleryItem::deletable);
    }

    @Test
    void requesterDeletesTheirImageAndItIsGoneEverywhereButTheFileStays() {
        var seeded = fixtures.generation(acme, ana.id(), "mine", "gpt-image-2", T0, 2, true);
        UUID doomed = seeded.first();
        assertThat(gallery.details(doomed).orElseThrow().deletable()).isTrue();

        gallery.delete(doomed);

        assertThat(ids(GalleryFilter.ALL)).containsExactly(seeded.imageIds().get(1));
        assertThat(gallery.details(doomed)).isEmpty();
        assertThat(imageAccess.find(doomed)).isEmpty();
        assertThat(gallery.details(seeded.imageIds().get(1)).orElseThrow().generation().images()).hasSize(1);
        var row = db.fetchOne(IMAGE, IMAGE.ID.eq(doomed));
        assertThat(row.getDeletedAt()).isNotNull();
        assertThat(row.getDeletedBy()).isEqualTo(ana.id());
        assertThat(store.exists(studio.imgen.storage.StorageKey.original(acme, doomed, studio.imgen.storage.ImageFormat.PNG))).isTrue();
        assertThat(events.stream(ImageDeleted.class)).containsExactly(new ImageDeleted(doomed, acme, ana.id(), ana.id()));
        assertThatThrownBy(() -> gallery.delete(doomed)).hasMessage(GalleryService.NOT_FOUND);
    }

    @Test
    void anotherMemberMayNotDeleteButAWorkspaceAdminMay() {
        UUID bens = fixtures.generation(acme, ben.id(), "ben's", "gpt-image-2", T0, 1, false).first();

        assertThatThrownBy(() -> gallery.delete(bens)).isInstanceOf(UserInputException.class)
                .hasMessage(GalleryService.NOT_YOURS);
        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(bens)).getDeletedAt()).isNull();

        TestUser dana = users.admin(acme, "Dana");
        LoggedIn.as(dana, memberships);
        assertThat(gallery.page(GalleryFilter.ALL, null, 10).items()).allMatch(GalleryItem::deletable);
        gallery.delete(bens);
        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(bens)).getDeletedBy()).isEqualTo(dana.id());
        assertThat(events.stream(ImageDeleted.class)).containsExactly(new ImageDeleted(bens, acme, ben.id(), dana.id()));
    }

    @Test
    void filterOptionsListTheCatalogueAndTheWorkspacesMembers() {
        users.member(users.workspace("Elsewhere"), "Stranger");

        GalleryFilterOptions options = gallery.filterOptions();

        assertThat(options.me()).isEqualTo(ana.id());
        assertThat(options.members()).extracting(GalleryFilterOptions.MemberOption::displayName).containsExactly("Ana", "Ben");
        assertThat(options.models()).extracting(GalleryFilterOptions.ModelOption::id)
                .contains("gpt-image-1", "gpt-image-1.5", "gpt-image-1-mini", "gpt-image-2");
    }

    @Test
    void pageSizeIsClamped() {
        for (int i = 0; i < 3; i++) {
            fixtures.generation(acme, ana.id(), "p" + i, "gpt-image-2", T0.plusSeconds(i), 1, false);
        }
        assertThat(gallery.page(GalleryFilter.ALL, null, 0).items()).hasSize(1);
        assertThat(gallery.page(null, null, 10_000).items()).hasSize(3);
    }

    @Test
    void nobodyLoggedInAndNonMembersAreRefused() {
        TestUser loner = users.create(null, "Loner", false, false);
        LoggedIn.as(loner, memberships);
        assertThatThrownBy(() -> gallery.page(GalleryFilter.ALL, null, 10)).isInstanceOf(AccessDeniedException.class);

        LoggedIn.nobody();
        UUID any = UUID.randomUUID();
        List<Runnable> calls = List.of(() -> gallery.page(GalleryFilter.ALL, null, 10), () -> gallery.count(GalleryFilter.ALL),
                () -> gallery.details(any), () -> gallery.delete(any), gallery::filterOptions,
                () -> gallery.cursorAt(GalleryFilter.ALL, 5));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfAny(AuthenticationCredentialsNotFoundException.class,
                    AccessDeniedException.class);
        }
    }

    @Test
    void everyPublicServiceMethodCarriesAnAccessAnnotation() {
        List<Method> methods = Arrays.stream(GalleryService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).toList();
        assertThat(methods).hasSize(6).allSatisfy(m -> assertThat(m.isAnnotationPresent(PermitAll.class)).as(m.getName()).isTrue());
    }

    private List<UUID> search(String text) {
        return ids(new GalleryFilter(text, null, null, null, null));
    }

    private List<UUID> ids(GalleryFilter filter) {
        return ids(gallery.page(filter, null, GalleryService.MAX_PAGE));
    }

    private static List<UUID> ids(GalleryPage page) {
        return page.items().stream().map(GalleryItem::imageId).toList();
    }
}
