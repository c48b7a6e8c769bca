package studio.imgen.gallery;

import java.util.List;
import java.util.Optional;

/** A page of images, newest first, and where the next one starts (empty on the last page). */
public record GalleryPage(List<GalleryItem> items, Optional<GalleryCursor> next) {

    public GalleryPage {
        items = List.copyOf(items);
    }
}
