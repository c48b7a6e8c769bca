package studio.imgen.gallery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import studio.imgen.gallery.GalleryCursor;
import studio.imgen.gallery.GalleryItem;
import studio.imgen.gallery.GalleryPage;

class GalleryPagerTest {

    final List<GalleryItem> images = IntStream.range(0, 1_000)
            .mapToObj(i -> new GalleryItem(UUID.randomUUID(), UUID.randomUUID(), "p" + i, "m", UUID.randomUUID(), "Ana",
                    Instant.parse("2026-01-01T00:00:00Z").minusSeconds(i), 1, 1, false))
            .toList();
    final List<GalleryCursor> pagedFrom = new ArrayList<>();
    final List<Integer> jumpedTo = new ArrayList<>();

    final GalleryPager.Source source = new GalleryPager.Source() {
        @Override
        public GalleryPage page(GalleryCursor after, int limit) {
            pagedFrom.add(after);
            int start = after == null ? 0 : indexOf(after) + 1;
            List<GalleryItem> items = images.subList(start, Math.min(images.size(), start + limit));
            boolean more = start + limit < images.size();
            return new GalleryPage(items, more ? Optional.of(cursor(start + items.size() - 1)) : Optional.empty());
        }

        @Override
        public Optional<GalleryCursor> cursorAt(int offset) {
            jumpedTo.add(offset);
            return offset <= images.size() ? Optional.of(cursor(offset - 1)) : Optional.empty();
        }
    };

    @Test
    void scrollingOnContinuesFromTheLastCursorWithoutSkipping() {
        GalleryPager pager = new GalleryPager(source);

        assertThat(pager.fetch(0, 50)).isEqualTo(images.subList(0, 50));
        assertThat(pager.fetch(50, 50)).isEqualTo(images.subList(50, 100));
        assertThat(pager.fetch(100, 50)).isEqualTo(images.subList(100, 150));

        assertThat(pagedFrom).containsExactly(null, cursor(49), cursor(99));
        assertThat(jumpedTo).isEmpty();
    }

    @Test
    void aFarJumpAsksForTheCursorOnceAndContinuesFromThere() {
        GalleryPager pager = new GalleryPager(source);

        assertThat(pager.fetch(900, 40)).isEqualTo(images.subList(900, 940));
        assertThat(pager.fetch(940, 40)).isEqualTo(images.subList(940, 980));

        assertThat(jumpedTo).containsExactly(900);
        assertThat(pagedFrom).containsExactly(cursor(899), cursor(939));
    }

    @Test
    void aShortGapIsReadThroughAndAnUnalignedWindowIsCut() {
        GalleryPager pager = new GalleryPager(source);
        pager.fetch(0, 50);

        assertThat(pager.fetch(120, 30)).isEqualTo(images.subList(120, 150));
        assertThat(pager.fetch(10, 5)).isEqualTo(images.subList(10, 15));
        assertThat(jumpedTo).isEmpty();
    }

    @Test
    void windowsLongerThanAServicePageAndPastTheEndAreServed() {
        GalleryPager pager = new GalleryPager(source);

        assertThat(pager.fetch(0, 450)).isEqualTo(images.subList(0, 450));
        assertThat(pager.fetch(980, 50)).isEqualTo(images.subList(980, 1_000));
        assertThat(pager.fetch(1_500, 10)).isEmpty();
        assertThat(pager.fetch(5, 0)).isEmpty();
    }

    private int indexOf(GalleryCursor cursor) {
        return IntStream.range(0, images.size()).filter(i -> images.get(i).imageId().equals(cursor.imageId())).findFirst()
                .orElseThrow();
    }

    private GalleryCursor cursor(int index) {
        GalleryItem item = images.get(index);
        return new GalleryCursor(item.createdAt(), item.imageId());
    }
}
