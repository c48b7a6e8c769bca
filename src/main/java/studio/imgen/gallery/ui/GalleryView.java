package studio.imgen.gallery.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.MainLayout;
import studio.imgen.base.ui.Notifications;
import studio.imgen.gallery.GalleryCursor;
import studio.imgen.gallery.GalleryFilter;
import studio.imgen.gallery.GalleryFilterOptions;
import studio.imgen.gallery.GalleryItem;
import studio.imgen.gallery.GalleryPage;
import studio.imgen.gallery.GalleryService;
import studio.imgen.gallery.ImageDetails;
import studio.imgen.generate.ui.GenerateView;

/**
 * The workspace's images, newest first: a grid of thumbnail cards filled a page at a time ("Load more" continues from
 * the last card, so a deep page costs what the first one does), filters above it, details in a dialog. Cards and the
 * dialog only ever show text and access-checked image URLs.
 */
@Route(value = "gallery", layout = MainLayout.class)
@PageTitle("Gallery · ImGen Studio")
@PermitAll
public class GalleryView extends Div implements ImageActions {

    /** Query parameter the Generate view reads to pre-fill its form from a generation: {@code ?reuse=<generationId>}. */
    public static final String REUSE_PARAMETER = "reuse";
    static final int PAGE_SIZE = 50;

    private final GalleryService gallery;
    private final GalleryFilterOptions options;
    private final Map<String, String> modelLabels = new LinkedHashMap<>();
    private final GalleryFilters filters;
    private final Span summary = new Span();
    private final Div grid = new Div();
    private final Div empty = new Div();
    private final Button loadMore = new Button("Load more");
    private final Map<UUID, GalleryCard> cards = new LinkedHashMap<>();
    private final CardMenu menu;
    private Times times;
    private GalleryFilter filter = GalleryFilter.ALL;
    private Optional<GalleryCursor> next = Optional.empty();
    private int total;
    private ImageDetailDialog dialog;

    GalleryView(GalleryService gallery) {
        this.gallery = gallery;
        this.options = gallery.filterOptions();
        options.models().forEach(m -> modelLabels.put(m.id(), m.label()));
        times = Times.of(UI.getCurrent());
        addClassName("gallery-view");

        H2 title = new H2("Gallery");
        summary.addClassName("gallery-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        Div heading = new Div(title, summary);
        heading.addClassName("gallery-heading");
        filters = new GalleryFilters(options, this::reload);

        grid.addClassName("gallery-grid");
        grid.getElement().setAttribute("role", "list");
        menu = new CardMenu(grid, this::openDetails, this);
        empty.addClassName("empty-state");
        loadMore.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        loadMore.addClassName("gallery-load-more");
        loadMore.setDisableOnClick(true);
        loadMore.addClickListener(e -> loadNextPage());

        add(heading, filters, empty, grid, loadMore);
        reload();
        followBrowserTimeZone(UI.getCurrent());
    }

    /** Times are shown in the browser's zone; if the browser has not reported it yet, render again once it has. */
    private void followBrowserTimeZone(UI ui) {
        if (ui.getInternals().getExtendedClientDetails() != null) {
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(details -> {
            Times reported = Times.of(ui);
            if (!reported.zone().equals(times.zone())) {
                times = reported;
                reload();
            }
        });
    }

    /** Starts over with the current filters: first page, fresh count. */
    private void reload() {
        filter = filters.value(times);
        grid.removeAll();
        cards.clear();
        next = Optional.empty();
        total = gallery.count(filter);
        append(gallery.page(filter, null, PAGE_SIZE));
    }

    private void loadNextPage() {
        next.ifPresent(cursor -> append(gallery.page(filter, cursor, PAGE_SIZE)));
        loadMore.setEnabled(true);
    }

    private void append(GalleryPage page) {
        for (GalleryItem item : page.items()) {
            // A card already shown (an image created in between) is not shown twice.
            if (!cards.containsKey(item.imageId())) {
                GalleryCard card = new GalleryCard(item, times, this::openDetails, menu::aim);
                card.getElement().setAttribute("role", "listitem");
                cards.put(item.imageId(), card);
                grid.add(card);
            }
        }
        next = page.next();
        updateState();
    }

    private void updateState() {
        boolean nothing = cards.isEmpty();
        grid.setVisible(!nothing);
        empty.setVisible(nothing);
        loadMore.setVisible(next.isPresent());
        if (nothing) {
            showEmpty();
        }
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        summary.setText(total == 0 ? "" : cards.size() >= total
                ? number.format(total) + (total == 1 ? " image" : " images")
                : "Showing " + number.format(cards.size()) + " of " + number.format(total) + " images");
    }

    private void showEmpty() {
        empty.removeAll();
        if (filters.active()) {
            Button clear = new Button("Clear filters", e -> filters.clearAll());
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            empty.add(VaadinIcon.SEARCH.create(), new H2("No images match"),
                    new Paragraph("Try other words or fewer filters."), clear);
        } else {
            RouterLink generate = new RouterLink("Generate one", GenerateView.class);
            generate.addClassName("empty-state-link");
            empty.add(VaadinIcon.PICTURE.create(), new H2("No images yet — generate one"),
                    new Paragraph("Images you and your team generate appear here."), generate);
        }
    }

    private void openDetails(GalleryItem item) {
        openDetails(item.imageId());
    }

    private void openDetails(UUID imageId) {
        Optional<ImageDetails> details = gallery.details(imageId);
        if (details.isEmpty()) {
            Notifications.error("That image does not exist any more.");
            removeCard(imageId);
            return;
        }
        if (dialog != null && dialog.isOpened()) {
            dialog.show(details.get());
            return;
        }
        dialog = new ImageDetailDialog(details.get(), times, id -> modelLabels.getOrDefault(id, id),
                this::openDetails, this);
        dialog.open();
    }

    @Override
    public void reuse(UUID generationId) {
        if (dialog != null) {
            dialog.close();
        }
        UI.getCurrent().navigate(GenerateView.class, QueryParameters.of(REUSE_PARAMETER, generationId.toString()));
    }

    @Override
    public void delete(UUID imageId) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete this image?");
        confirm.setText("It disappears from the gallery for everyone in the workspace. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> confirmedDelete(imageId));
        confirm.open();
    }

    private void confirmedDelete(UUID imageId) {
        try {
            gallery.delete(imageId);
            Notifications.success("Image deleted.");
        } catch (UserInputException e) {
            Notifications.error(e.getMessage());
        }
        if (dialog != null) {
            dialog.close();
        }
        removeCard(imageId);
    }

    /** The cards' shared context menu (it joins the page only when first opened). */
    CardMenu menu() {
        return menu;
    }

    private void removeCard(UUID imageId) {
        GalleryCard card = cards.remove(imageId);
        if (card != null) {
            grid.remove(card);
            total = Math.max(0, total - 1);
            updateState();
        }
    }
}
