package studio.imgen.gallery.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import studio.imgen.gallery.GalleryCursor;
import studio.imgen.gallery.GalleryItem;
import studio.imgen.gallery.GalleryPage;

/**
 * Serves the virtual list's offset/limit windows from the service's keyset pages. It remembers the cursor at the end
 * of every window it fetched, so scrolling on (the common case) continues by keyset from the nearest known position;
 * only a jump far past everything known (a dragged scrollbar) asks the service for the cursor at that offset once.
 */
final class GalleryPager {

    /** Pages through one filter's images. */
    interface Source {
        GalleryPage page(GalleryCursor after, int limit);

        Optional<GalleryCursor> cursorAt(int offset);
    }

    /** Reading and dropping up to this many images is cheaper than a separate skip query. */
    static final int MAX_SKIP = 200;

    private final Source source;
    /** offset → cursor of the image just before it (null for offset 0: start at the newest). */
    private final TreeMap<Integer, GalleryCursor> known = new TreeMap<>();

    GalleryPager(Source source) {
        this.source = source;
        known.put(0, null);
    }

    /** Images {@code offset} to {@code offset + limit - 1}, newest first (fewer at the end). */
    List<GalleryItem> fetch(int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Map.Entry<Integer, GalleryCursor> start = known.floorEntry(offset);
        int from = start.getKey();
        GalleryCursor cursor = start.getValue();
        if (offset - from > MAX_SKIP) {
            Optional<GalleryCursor> jumped = source.cursorAt(offset);
            if (jumped.isEmpty()) {
                return List.of();
            }
            from = offset;
            cursor = jumped.get();
            known.put(offset, cursor);
        }
        List<GalleryItem> result = new ArrayList<>(limit);
        int position = from;
        while (result.size() < limit) {
            int want = Math.min(offset + limit - position, studio.imgen.gallery.GalleryService.MAX_PAGE);
            GalleryPage page = source.page(cursor, want);
            for (GalleryItem item : page.items()) {
                if (position >= offset) {
                    result.add(item);
                }
                position++;
            }
            if (page.items().isEmpty()) {
                break;
            }
            GalleryItem last = page.items().get(page.items().size() - 1);
            cursor = new GalleryCursor(last.createdAt(), last.imageId());
            known.put(position, cursor);
            if (page.next().isEmpty()) {
                break;
            }
        }
        return result;
    }
}
