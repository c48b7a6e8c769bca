package studio.imgen.gallery;

import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ResultDeletion;
import studio.imgen.generate.ResultImage;
import studio.imgen.generate.ResultImages;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * The workspace's result images: paging newest first with filters, the count for the same filters, one image's
 * details, and soft deletion. Every method re-checks the caller's membership of their active workspace and scopes
 * its SQL by it, so an image of another workspace does not exist here.
 */
@Service
public class GalleryService {

    /** Longest page a caller may ask for. */
    public static final int MAX_PAGE = 200;
    /** Characters of the prompt a card gets (it shows two lines; the detail loads the whole prompt). */
    public static final int EXCERPT = 140;
    static final String NOT_FOUND = "That image does not exist any more.";
    static final String NOT_YOURS = "Only the member who generated this image or a workspace admin can delete it.";

    private final WorkspaceAccess access;
    private final GalleryQuery query;
    private final ResultImages images;
    private final GenerationService generations;
    private final ModelCatalog catalog;
    private final ApplicationEventPublisher events;

    GalleryService(WorkspaceAccess access, GalleryQuery query, ResultImages images, GenerationService generations,
                   ModelCatalog catalog, ApplicationEventPublisher events) {
        this.access = access;
        this.query = query;
        this.images = images;
        this.generations = generations;
        this.catalog = catalog;
        this.events = events;
    }

    /**
     * Up to {@code limit} (1–{@value #MAX_PAGE}) images matching the filter, newest first, starting after
     * {@code after} (null for the first page).
     */
    @PermitAll
    public GalleryPage page(GalleryFilter filter, GalleryCursor after, int limit) {
        Member me = access.requireMember();
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        // One row more than asked tells whether another page exists without a count.
        List<GalleryItem> rows = query.page(me.workspaceId(), me.userId(), me.admin(), orAll(filter), after, size + 1);
        if (rows.size() <= size) {
            return new GalleryPage(rows, Optional.empty());
        }
        List<GalleryItem> items = rows.subList(0, size);
        GalleryItem last = items.get(size - 1);
        return new GalleryPage(items, Optional.of(new GalleryCursor(last.createdAt(), last.imageId())));
    }

    /**
     * Where a page starting at position {@code offset} (0-based, newest first) begins: the cursor of the image just
     * before it, empty when fewer images match. Lets a view jump deep (a dragged scrollbar) with one index-ordered
     * skip and continue from there by keyset.
     */
    @PermitAll
    public Optional<GalleryCursor> cursorAt(GalleryFilter filter, int offset) {
        Member me = access.requireMember();
        if (offset <= 0) {
            return Optional.empty();
        }
        return query.cursorAt(me.workspaceId(), orAll(filter), offset);
    }

    /** How many images match the filter. */
    @PermitAll
    public int count(GalleryFilter filter) {
        Member me = access.requireMember();
        return query.count(me.workspaceId(), orAll(filter));
    }

    /** The models and members the filters offer, and the caller's own id (for "only mine"). */
    @PermitAll
    public GalleryFilterOptions filterOptions() {
        Member me = access.requireMember();
        List<GalleryFilterOptions.ModelOption> models = catalog.all().stream()
                .map(m -> new GalleryFilterOptions.ModelOption(m.id(), m.label())).toList();
        return new GalleryFilterOptions(models, query.members(me.workspaceId()), me.userId());
    }

    /** A result image of the caller's workspace with its generation; empty for anything else. */
    @PermitAll
    public Optional<ImageDetails> details(UUID imageId) {
        Member me = access.requireMember();
        Optional<ResultImage> image = images.find(imageId);
        if (image.isEmpty()) {
            return Optional.empty();
        }
        ResultImage row = image.get();
        return generations.find(row.generationId()).map(generation -> new ImageDetails(row.id(), row.format(),
                row.width(), row.height(), row.bytes(), row.createdAt(),
                me.admin() || me.userId().equals(row.ownerId()), generation));
    }

    /**
     * Soft-deletes an image: it disappears from the gallery and its URLs answer 404 at once; the file stays until the
     * storage cleaner removes it. Allowed to the member who requested it and to workspace admins.
     *
     * @throws UserInputException when the image does not exist (any more) or the caller may not delete it
     */
    @PermitAll
    public void delete(UUID imageId) {
        switch (images.softDelete(imageId)) {
            case ResultDeletion.Deleted deleted -> events.publishEvent(new ImageDeleted(deleted.imageId(),
                    deleted.workspaceId(), deleted.ownerId(), deleted.deletedBy()));
            case ResultDeletion.Refused.NOT_FOUND -> throw new UserInputException(NOT_FOUND);
            case ResultDeletion.Refused.NOT_YOURS -> throw new UserInputException(NOT_YOURS);
        }
    }

    private static GalleryFilter orAll(GalleryFilter filter) {
        return filter == null ? GalleryFilter.ALL : filter;
    }
}
