package studio.imgen.audit.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import studio.imgen.audit.AuditFilter;
import studio.imgen.audit.AuditRow;
import studio.imgen.audit.AuditService;
import studio.imgen.audit.AuditSnapshot;
import studio.imgen.audit.WebhookService;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.shell.MainLayout;
import studio.imgen.catalog.Money;
import studio.imgen.gallery.ImageAccess;

/**
 * The workspace's audit log for its admins: filters, totals of the filter, a lazy Grid that pages by keyset, the
 * detail of an entry, a streamed CSV export of the filter, and the log webhook's settings. Each filter change pins a
 * snapshot of the log, so totals, pages and the export agree with each other.
 */
@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "Audit", order = 6, icon = "vaadin:records")
@PageTitle("Audit · ImGen Studio")
@RolesAllowed("ADMIN")
public class AuditView extends Div {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AuditService audit;
    private final ImageAccess images;
    /** Images of the fetched rows that retention removed: their thumbnail cell says so instead of breaking. */
    private final Set<UUID> expired = new HashSet<>();
    private final Grid<AuditRow> grid = new Grid<>(AuditRow.class, false);
    private final Span totals = new Span();
    private final Anchor export = new Anchor();
    private final AuditFiltersBar filters;
    private AuditSnapshot snapshot;
    private KeysetPager pager;
    private final Clock clock;

    AuditView(AuditService audit, WebhookService webhooks, ImageAccess images, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.images = images;
        addClassName("audit-view");
        filters = new AuditFiltersBar(audit.filterOptions(), this::apply);

        RouterLink usage = new RouterLink("Usage and cost", UsageView.class);
        usage.addClassName("audit-usage-link");
        Div heading = new Div(new H2("Audit log"), usage);
        heading.addClassName("audit-heading");

        totals.addClassName("audit-totals");
        totals.getElement().setAttribute("aria-live", "polite");
        export.addClassName("audit-export");
        export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export CSV"));
        Div summary = new Div(totals, export);
        summary.addClassName("audit-summary");

        configureGrid();
        add(heading, filters, summary, grid, new WebhookCard(webhooks));
        apply(filters.filter());
    }

    private void configureGrid() {
        grid.addClassName("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.addColumn(r -> AuditText.time(r.at())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::actorName).setHeader("User").setWidth("7rem").setFlexGrow(0)
                .setTooltipGenerator(AuditRow::actorName);
        grid.addColumn(r -> AuditText.action(r.category(), r.action())).setHeader("Action").setAutoWidth(true);
        // Model, size and quality share a column (two lines): at 1280 px the prompt then fits beside the rest.
        grid.addColumn(LitRenderer.<AuditRow>of("<div class=\"audit-model\">${item.model}</div>"
                                + "<div class=\"audit-options\">${item.options}</div>")
                        .withProperty("model", r -> r.model() == null ? "" : r.model())
                        .withProperty("options", r -> r.size() == null ? "" : r.size() + " · " + r.quality()))
                .setHeader("Model · size · quality").setWidth("10rem").setFlexGrow(0)
                .setTooltipGenerator(r -> r.model() == null ? "" : r.model() + " · " + r.size() + " · " + r.quality());
        // Lit's ${} bindings set text and attribute values, never markup.
        grid.addColumn(LitRenderer.<AuditRow>of("<span theme=\"badge ${item.theme}\">${item.status}</span>")
                        .withProperty("status", r -> r.status() == null ? "" : r.status())
                        .withProperty("theme", r -> AuditText.badge(r.status())))
                .setHeader("Status").setAutoWidth(true);
        // "≈" marks an estimate; the words "(estimated)" are in the tooltip and the entry's details.
        grid.addColumn(r -> r.costMicros() == null ? "" : r.costEstimated() ? "≈ " + Money.format(r.costMicros())
                        : Money.format(r.costMicros())).setHeader("Cost")
                .setTooltipGenerator(r -> r.costMicros() == null ? "" : Money.cost(r.costMicros(), r.costEstimated()))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(LitRenderer.<AuditRow>of(
                        "<img class=\"audit-thumb\" src=\"${item.src}\" alt=\"\" loading=\"lazy\" ?hidden=\"${!item.src}\">"
                                + "<span class=\"audit-thumb image-expired\" title=\"Image expired\" ?hidden=\"${!item.expired}\">"
                                + "Expired</span>")
                        .withProperty("src", r -> r.imageIds().isEmpty() || expired.contains(r.imageIds().get(0)) ? ""
                                : ImageUrls.thumbnail(r.imageIds().get(0)))
                        .withProperty("expired", r -> !r.imageIds().isEmpty() && expired.contains(r.imageIds().get(0))))
                .setHeader("Image").setWidth("5rem").setFlexGrow(0);
        // The prompt takes what the fixed columns leave: at 1280 px it shows a readable line, not a few words.
        grid.addColumn(AuditRow::promptPreview).setHeader("Prompt").setWidth("12rem").setFlexGrow(3)
                .setTooltipGenerator(AuditRow::promptPreview);
        grid.setEmptyStateText("No audit entries match these filters.");
        grid.setItems(query -> noteExpired(pager.fetch(query.getOffset(), query.getLimit())).stream(),
                query -> (int) Math.min(snapshot.totals().entries(), Integer.MAX_VALUE));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                openDetail(e.getValue());
            }
        });
    }

    private void apply(AuditFilter filter) {
        snapshot = audit.open(filter);
        AuditFilter pinned = snapshot.filter();
        pager = new KeysetPager((after, skip, limit) -> audit.page(pinned, after, skip, limit));
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        long entries = snapshot.totals().entries();
        long images = snapshot.totals().images();
        totals.setText(number.format(entries) + (entries == 1 ? " entry · " : " entries · ")
                + number.format(images) + (images == 1 ? " image · " : " images · ")
                + Money.total(snapshot.totals().costMicros(), snapshot.totals().estimatedCostMicros()));
        export.setHref(csvOf(pinned), AttachmentType.DOWNLOAD);
        grid.getDataProvider().refreshAll();
    }

    /** Streams the pinned filter as CSV straight from a database cursor to the response. */
    private DownloadHandler csvOf(AuditFilter pinned) {
        return event -> {
            event.setFileName("audit-" + FILE_TIME.format(clock.instant()) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            audit.exportCsv(pinned, event.getOutputStream());
        };
    }

    private List<AuditRow> noteExpired(List<AuditRow> rows) {
        expired.addAll(images.expiredAmong(rows.stream().filter(r -> !r.imageIds().isEmpty())
                .map(r -> r.imageIds().get(0)).toList()).ids());
        return rows;
    }

    private void openDetail(AuditRow row) {
        audit.detail(row.seq()).ifPresent(detail -> {
            AuditDetailDialog dialog = new AuditDetailDialog(detail, images.expiredAmong(detail.imageIds()));
            dialog.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    grid.deselectAll();
                    remove(dialog);
                }
            });
            // A child of the view: leaving the view (e.g. to Generate) closes it.
            add(dialog);
            dialog.open();
        });
    }
}
