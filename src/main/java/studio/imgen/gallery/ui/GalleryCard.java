package studio.imgen.gallery.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.function.Consumer;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.gallery.GalleryItem;

/**
 * One image in the grid: its thumbnail (never the original; the browser fetches it only when it scrolls near the
 * viewport), two lines of the prompt and who made it when. The whole card opens the details (Enter too).
 * The prompt and name are set as text.
 */
class GalleryCard extends Div {

    private final GalleryItem item;

    GalleryCard(GalleryItem item, Times times, Consumer<GalleryItem> onOpen, Consumer<GalleryItem> onContextMenu) {
        this.item = item;
        addClassName("gallery-card");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("role", "button");
        getElement().setAttribute("data-image", item.imageId().toString());

        Image thumbnail = new Image(ImageUrls.thumbnail(item.imageId()), item.promptExcerpt());
        thumbnail.addClassName("gallery-thumb");
        thumbnail.getElement().setAttribute("loading", "lazy");
        thumbnail.getElement().setAttribute("decoding", "async");
        Span prompt = new Span(item.promptExcerpt());
        prompt.addClassName("gallery-card-prompt");
        Span meta = new Span(item.requesterName() + " · " + times.brief(item.createdAt()));
        meta.addClassName("gallery-card-meta");
        add(thumbnail, prompt, meta);

        ComponentEventListener<ClickEvent<Div>> open = e -> onOpen.accept(item);
        addClickListener(open);
        getElement().addEventListener("keydown", e -> onOpen.accept(item)).setFilter("event.key === 'Enter'");
        // Arrives just before the shared context menu asks whether to open, so the menu acts on this card.
        getElement().addEventListener("contextmenu", e -> onContextMenu.accept(item));
    }

    GalleryItem item() {
        return item;
    }
}
