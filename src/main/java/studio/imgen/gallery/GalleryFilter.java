package studio.imgen.gallery;

import java.time.Instant;
import java.util.UUID;

/**
 * What the gallery shows: every field is optional (null or blank means "any"). The workspace is never part of a
 * filter; it always comes from the caller.
 *
 * @param text words of the prompt; each word matches prompt words starting with it ("light" finds "lighthouse")
 * @param model a catalogue model id
 * @param requesterId only images requested by this member (the caller's own id for "only mine")
 * @param from images created at or after this instant
 * @param until images created before this instant
 */
public record GalleryFilter(String text, String model, UUID requesterId, Instant from, Instant until) {

    public static final GalleryFilter ALL = new GalleryFilter(null, null, null, null, null);

    public boolean isEmpty() {
        return (text == null || text.isBlank()) && (model == null || model.isBlank()) && requesterId == null
                && from == null && until == null;
    }
}
