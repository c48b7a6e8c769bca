package studio.imgen.gallery.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import studio.imgen.base.UserInputException;
import studio.imgen.shell.MainLayout;
import studio.imgen.base.ui.Notifications;
import studio.imgen.gallery.GalleryCursor;
import studio.imgen.gallery.GalleryFilter;
import studio.imgen.gallery.GalleryFilterOptions;
import studio.imgen.gallery.GalleryItem;
import studio.imgen.gallery.GalleryPage;
import studio.imgen.gallery.GalleryService;
import studio.imgen.gallery.ImageDetails;
import studio.imgen.generate.ui.GenerateView;
import studio.imgen.base.ui.EditThisImage;

/**
 * The workspace's images, newest first: a virtual grid of thumbnail cards that loads as the member scrolls (see
 * {@link GalleryGrid}), filters above it, details in a dialog, the same actions on a card's context menu. Cards and
 * the dialog only ever show text and access-checked image URLs.
 */
@Route(value = "gallery", layout = MainLayout.class)
@Menu(title = "Gallery", order = 3, icon = "vaadin:picture")
@PageTitle("Gallery · ImGen Studio")
@PermitAll
public class GalleryView extends Div implements ImageActions {

    /** Query parameter the Generate view reads to pre-fill its form from a generation: {@code ?reuse=<generationId>}. */
    public static final String REUSE_PARAMETER = "reuse";

    private final GalleryService gallery;
    private final Map<String, String> modelLabels = new LinkedHashMap<>();
    private final GalleryFilters filters;
    private final Span summary = new Span();
    private final GalleryGrid grid;
    private final Div empty = new Div();
    private final CardMenu menu;
    private final Clock clock;
    private Times times;
    private ImageDetailDialog dialog;
    private Registration resizeRegistration;

    GalleryView(GalleryService gallery, Clock clock) {
        this.gallery = gallery;
        this.clock = clock;
        GalleryFilterOptions options = gallery.filterOptions();
        options.models().forEach(m -> modelLabels.put(m.id(), m.label()));
        UI ui = UI.getCurrent();
        times = Times.of(ui, clock);
        addClassName("gallery-view");

        H2 title = new H2("Gallery");
        summary.addClassName("gallery-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        Div heading = new Div(title, summary);
        heading.addClassName("gallery-heading");
        filters = new GalleryFilters(options, this::reload);
        grid = new GalleryGrid(times, this::openDetails, item -> menu().aim(item));
        menu = new CardMenu(grid, this::openDetails, this);
        empty.addClassName("empty-state");

        add(heading, filters, empty, grid);
        followBrowser(ui);
        reload();
    }

    /** Starts over with the current filters: fresh count, rows from the top. */
    private void reload() {
        GalleryFilter filter = filters.value(times);
        int total = gallery.count(filter);
        grid.show(new GalleryPager.Source() {
            @Override
            public GalleryPage page(GalleryCursor after, int limit) {
                return gallery.page(filter, after, limit);
            }

            @Override
            public Optional<GalleryCursor> cursorAt(int offset) {
                return gallery.cursorAt(filter, offset);
            }
        }, total);
        grid.setVisible(total > 0);
        empty.setVisible(total == 0);
        if (total == 0) {
            showEmpty();
        }
        summary.setText(total == 0 ? "" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(total)
                + (total == 1 ? " image" : " images"));
    }

    /**
     * Columns follow the window width, times the browser's zone. Both come with the browser's details; if those are
     * not there yet, the grid is fitted once they arrive.
     */
    private void followBrowser(UI ui) {
        ExtendedClientDetails details = ui.getInternals().getExtendedClientDetails();
        if (details != null) {
            grid.fitTo(details.getWindowInnerWidth());
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(received -> {
            grid.fitTo(received.getWindowInnerWidth());
            Times reported = Times.of(ui, clock);
            if (!reported.zone().equals(times.zone())) {
                times = reported;
                grid.setTimes(reported);
                reload();
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        resizeRegistration = event.getUI().getPage().addBrowserWindowResizeListener(e -> grid.fitTo(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resizeRegistration != null) {
            resizeRegistration.remove();
        }
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
            reload();
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
    public void edit(UUID imageId) {
        EditThisImage.open(imageId);
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
        reload();
    }

    /** The grid of cards. */
    GalleryGrid grid() {
        return grid;
    }

    /** The cards' shared context menu (it joins the page only when first opened). */
    CardMenu menu() {
        return menu;
    }
}
