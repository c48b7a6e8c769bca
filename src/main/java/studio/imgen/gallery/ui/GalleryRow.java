package studio.imgen.gallery.ui;

import java.util.List;
import studio.imgen.gallery.GalleryItem;

/** One line of the card grid: as many cards as there are columns (fewer on the last line; none for a placeholder). */
record GalleryRow(int index, List<GalleryItem> cards) {

    static final GalleryRow PLACEHOLDER = new GalleryRow(-1, List.of());

    GalleryRow {
        cards = List.copyOf(cards);
    }

    boolean placeholder() {
        return index < 0;
    }
}
