package studio.imgen.gallery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import studio.imgen.base.ui.Downloads;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.gallery.GalleryItem;
import tools.jackson.databind.node.ObjectNode;

/**
 * The right-click (long-press on touch) menu of the gallery's cards. One menu serves the whole grid, so a page of 50
 * cards does not carry 50 menus: the card reports that it was right-clicked just before the menu asks to open (both
 * arrive in order in the same round trip), and the menu opens only over a card.
 */
class CardMenu extends ContextMenu {

    private final MenuItem delete;
    private GalleryItem pending;
    private GalleryItem current;

    CardMenu(Component grid, Consumer<GalleryItem> onOpen, ImageActions actions) {
        setTarget(grid);
        addItem("Details", e -> withCurrent(onOpen));
        addItem("Open full size", e -> withCurrent(item -> page().open(ImageUrls.original(item.imageId()), "_blank")));
        addItem("Download", e -> withCurrent(item -> Downloads.start(UI.getCurrent(), ImageUrls.download(item.imageId()))));
        addItem("Reuse settings", e -> withCurrent(item -> actions.reuse(item.generationId())));
        addItem("Edit this image", e -> withCurrent(item -> actions.edit(item.imageId())));
        addSeparator();
        delete = addItem("Delete", e -> withCurrent(item -> actions.delete(item.imageId())));
        delete.addClassName("danger");
    }

    /** Called on right-click with the card under the pointer (null: not over a card, so no menu). */
    void aim(GalleryItem item) {
        pending = item;
    }

    @Override
    protected boolean onBeforeOpenMenu(ObjectNode eventDetail) {
        current = pending;
        pending = null;
        if (current == null) {
            return false;
        }
        delete.setEnabled(current.deletable());
        return true;
    }

    GalleryItem current() {
        return current;
    }

    private void withCurrent(Consumer<GalleryItem> action) {
        if (current != null) {
            action.accept(current);
        }
    }

    private static com.vaadin.flow.component.page.Page page() {
        return UI.getCurrent().getPage();
    }
}
