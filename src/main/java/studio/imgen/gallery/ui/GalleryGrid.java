package studio.imgen.gallery.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.gallery.GalleryItem;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The thumbnail grid: a virtual list of rows of cards. Only the rows on screen exist in the page, rows arrive from the
 * server as the member scrolls (the list asks for the rows it is about to show), and a card is a few fields of JSON rendered by a Lit
 * template on the client, not a tree of server components, so 10,000 images cost what the visible ones cost.
 * Prompts and names are bound as text (Lit escapes them); the thumbnail is the only image a card loads, lazily.
 * The list renders rows before their data arrives (with no {@code cards} at all), hence the template's fallback.
 */
class GalleryGrid extends Composite<VirtualList<GalleryRow>> {

    static final int MIN_CARD_WIDTH = 150;
    static final int GAP = 16;
    static final int DRAWER_WIDTH = 256;
    static final int PADDING = 48;
    /** Below this window width the app layout's drawer overlays the content instead of taking room beside it. */
    static final int DRAWER_OVERLAY_BELOW = 800;
    /** Cards kept for the context menu and the open action: at least everything currently on screen. */
    static final int REMEMBERED = 2_000;
    /** The card under the pointer, found in the browser when the member right-clicks. */
    static final String CARD_UNDER_POINTER =
            "(event.target.closest('[data-image]') || {dataset: {}}).dataset.image || ''";

    private static final String TEMPLATE = """
            <div class="gallery-row">${(item.cards || []).map(card => card.id ? html`<div class="gallery-card" tabindex="0" \
            role="button" data-image="${card.id}" @click=${() => open(card.id)} \
            @keydown=${e => { if (e.key === 'Enter') { open(card.id); } }}><img class="gallery-thumb" \
            src="${card.thumb}" loading="lazy" alt=""><span class="gallery-card-prompt">${card.prompt}</span>\
            <span class="gallery-card-meta">${card.meta}</span></div>` : html`<div class="gallery-card skeleton">\
            <div class="gallery-thumb"></div></div>`)}</div>""";

    private Times times;
    private final Consumer<GalleryItem> onOpen;
    private final Map<UUID, GalleryItem> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, GalleryItem> eldest) {
            return size() > REMEMBERED;
        }
    };
    private GalleryPager pager;
    private int total;
    private int columns;

    GalleryGrid(Times times, Consumer<GalleryItem> onOpen, Consumer<GalleryItem> onAim) {
        this.times = times;
        this.onOpen = onOpen;
        VirtualList<GalleryRow> list = getContent();
        list.addClassName("gallery-grid");
        list.setRenderer(LitRenderer.<GalleryRow>of(TEMPLATE)
                .withProperty("cards", this::cards)
                .withFunction("open", (row, args) -> cardOf(row, args).ifPresent(this.onOpen)));
        list.setPlaceholderItem(GalleryRow.PLACEHOLDER);
        list.setDataProvider(DataProvider.fromCallbacks(query -> rows(query.getOffset(), query.getLimit()).stream(),
                query -> rowCount()));
        list.getElement().addEventListener("contextmenu", event -> {
            String id = event.getEventData().path(CARD_UNDER_POINTER).stringValue("");
            onAim.accept(remembered(id).orElse(null));
        }).addEventData(CARD_UNDER_POINTER);
        setColumns(columnsFor(1280));
    }

    /** Times on the cards from now on (the browser reported its zone). */
    void setTimes(Times times) {
        this.times = times;
    }

    /** Shows another set of images (new filter, or the same after a change). */
    void show(GalleryPager.Source source, int total) {
        this.pager = new GalleryPager(source);
        this.total = total;
        remembered.clear();
        refresh();
    }

    /** Fits the number of columns to the browser window; the rows are cut again when it changes. */
    void fitTo(int windowWidth) {
        int fitting = columnsFor(windowWidth);
        if (fitting != columns) {
            setColumns(fitting);
            refresh();
        }
    }

    /**
     * Before the list is in the page there is nothing to refresh: it asks for its rows once it is attached. (Refreshing
     * earlier makes Vaadin call the list's browser-side connector before it exists.)
     */
    private void refresh() {
        if (isAttached()) {
            getContent().getDataProvider().refreshAll();
        }
    }

    int columns() {
        return columns;
    }

    VirtualList<GalleryRow> list() {
        return getContent();
    }

    /** A card fetched recently (so on screen or near it), for the context menu. */
    Optional<GalleryItem> remembered(String imageId) {
        try {
            return Optional.ofNullable(remembered.get(UUID.fromString(imageId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static int columnsFor(int windowWidth) {
        int content = windowWidth - PADDING - (windowWidth < DRAWER_OVERLAY_BELOW ? 0 : DRAWER_WIDTH);
        return Math.max(2, Math.min(8, (content + GAP) / (MIN_CARD_WIDTH + GAP)));
    }

    private void setColumns(int count) {
        columns = count;
        getContent().getStyle().set("--gallery-columns", String.valueOf(count));
    }

    private int rowCount() {
        return (total + columns - 1) / columns;
    }

    private List<GalleryRow> rows(int rowOffset, int rowLimit) {
        if (pager == null) {
            return List.of();
        }
        // Long arithmetic: a caller may ask for "all rows" (Integer.MAX_VALUE).
        int offset = (int) Math.min((long) rowOffset * columns, total);
        int limit = (int) Math.min((long) rowLimit * columns, total - offset);
        List<GalleryItem> items = pager.fetch(offset, limit);
        List<GalleryRow> rows = new ArrayList<>(rowLimit);
        for (int i = 0; i < items.size(); i += columns) {
            List<GalleryItem> cards = items.subList(i, Math.min(i + columns, items.size()));
            cards.forEach(card -> remembered.put(card.imageId(), card));
            rows.add(new GalleryRow(rowOffset + i / columns, cards));
        }
        return rows;
    }

    private ArrayNode cards(GalleryRow row) {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        if (row.placeholder()) {
            for (int i = 0; i < columns; i++) {
                cards.addObject();
            }
            return cards;
        }
        for (GalleryItem item : row.cards()) {
            ObjectNode card = cards.addObject();
            card.put("id", item.imageId().toString());
            card.put("thumb", ImageUrls.thumbnail(item.imageId()));
            card.put("prompt", item.promptExcerpt());
            card.put("meta", item.requesterName() + " · " + times.brief(item.createdAt()));
        }
        return cards;
    }

    /** The browser names the card it opens; only a card of that row counts. */
    static Optional<GalleryItem> cardOf(GalleryRow row, ArrayNode args) {
        if (args.isEmpty() || !args.get(0).isString()) {
            return Optional.empty();
        }
        String id = args.get(0).stringValue();
        return row.cards().stream().filter(card -> card.imageId().toString().equals(id)).findFirst();
    }

    /** What the template's {@code open(card.id)} does for a card (tests call it as the browser would). */
    void openCard(GalleryRow row, String imageId) {
        cardOf(row, JsonNodeFactory.instance.arrayNode().add(imageId)).ifPresent(onOpen);
    }

    /** The cards of a row exactly as the template receives them. */
    ArrayNode cardsOf(GalleryRow row) {
        return cards(row);
    }
}
