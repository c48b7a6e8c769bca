package studio.imgen.catalog.ui;

import studio.imgen.base.ui.Actions;
import studio.imgen.workspace.ui.RoleBadge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.catalog.CatalogEntry;
import studio.imgen.catalog.ModelCatalogService;
import studio.imgen.shell.MainLayout;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelDraft;
import studio.imgen.catalog.TokenPrices;

/**
 * The model catalogue every workspace shares: capabilities, token prices and lifecycle per model, editable by
 * instance admins only. The role annotation is a coarse gate; the service re-checks the right in the database, and a
 * session whose right was revoked sees "page not found".
 */
@Route(value = "admin/models", layout = MainLayout.class)
@Menu(title = "Models", order = 7, icon = "vaadin:cubes")
@PageTitle("Model catalogue · ImGen Studio")
@RolesAllowed("INSTANCE_ADMIN")
public class ModelCatalogView extends Div implements BeforeEnterObserver {

    private final ModelCatalogService catalogue;
    private final Grid<CatalogEntry> grid = new Grid<>();
    private final ChatModelsCard chatModels;
    private final SeenModelsCard seenModels;

    ModelCatalogView(ModelCatalogService catalogue) {
        this.catalogue = catalogue;
        this.chatModels = new ChatModelsCard(catalogue);
        this.seenModels = new SeenModelsCard(catalogue, this::refresh);
        addClassName("admin-view");
        addClassName("catalogue-view");
        Button add = new Button("Add model", VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph intro = new Paragraph("Models, capabilities and prices for every workspace of this installation."
                + " Members are offered only enabled models that are not shut down; prices are USD per million tokens.");
        intro.addClassName("hint");
        Div toolbar = new Div(add);
        toolbar.addClassName("button-row");

        grid.addClassName("catalogue-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(ModelCatalogView::model).setHeader("Model").setKey("model").setFlexGrow(2);
        grid.addComponentColumn(ModelCatalogView::status).setHeader("Status").setKey("status").setFlexGrow(2);
        grid.addComponentColumn(e -> lines(capabilities(e.model()))).setHeader("Capabilities").setKey("capabilities")
                .setFlexGrow(4);
        grid.addComponentColumn(e -> lines(prices(e.model()))).setHeader("Prices ($/M tokens)").setKey("prices")
                .setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setFlexGrow(0).setAutoWidth(true);
        grid.setEmptyStateText("The catalogue is empty. Add a model to let members generate.");
        add(new H2("Model catalogue"), intro, seenModels, new H3("Image models"), toolbar, grid, chatModels);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            refresh();
        } catch (AccessDeniedException revoked) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    void refresh() {
        grid.setItems(catalogue.models());
        chatModels.refresh();
        seenModels.refresh();
    }

    private void edit(CatalogEntry entry) {
        new ModelDialog(entry == null ? null : ModelDraft.of(entry.model()),
                draft -> entry == null ? catalogue.add(draft) : catalogue.update(draft), this::refresh).open();
    }

    private Div actions(CatalogEntry entry) {
        Button edit = new Button("Edit", e -> edit(entry));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        boolean enabled = entry.model().enabled();
        Button toggle = new Button(enabled ? "Disable" : "Enable",
                e -> Actions.run(() -> catalogue.setEnabled(entry.model().id(), !enabled), this::refresh));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (enabled) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Div actions = new Div(edit, toggle);
        actions.addClassName("row-actions");
        return actions;
    }

    private static Div model(CatalogEntry entry) {
        return who(entry.model().label(), entry.model().id());
    }

    static Div who(String labelText, String idText) {
        Span label = new Span(labelText);
        label.addClassName("member-name");
        Span id = new Span(idText);
        id.addClassName("model-id");
        Div who = new Div(label, id);
        who.addClassName("member-who");
        return who;
    }

    private static Div status(CatalogEntry entry) {
        Div badges = new Div();
        badges.addClassName("badges");
        ImageModel m = entry.model();
        badges.add(m.enabled() ? RoleBadge.status("Enabled", "active") : RoleBadge.status("Disabled", "inactive"));
        badges.add(lifecycleBadge(entry.lifecycle()));
        if (m.isDefault()) {
            badges.add(RoleBadge.status("Default", "admin"));
        }
        if (!entry.offered()) {
            Span hidden = new Span("Not offered to members");
            hidden.addClassName("hint");
            badges.add(hidden);
        }
        return badges;
    }

    static Span lifecycleBadge(String lifecycle) {
        return RoleBadge.status(lifecycle, lifecycle.equals("Available") ? "neutral"
                : lifecycle.equals("Shut down") ? "inactive" : "warning");
    }

    static String[] capabilities(ImageModel m) {
        return new String[] {
                "Sizes: " + String.join(", ", m.sizes()) + (m.supportsCustomSizes() ? " + custom" : ""),
                "Qualities: " + String.join(", ", m.qualities()),
                "Up to " + m.maxImages() + " images · " + m.maxReferenceImages() + " reference images",
                String.join(" · ", flag("transparent", m.supportsTransparent()), flag("input fidelity",
                        m.supportsInputFidelity()), flag("mask", m.supportsMask()), flag("streaming", m.supportsStreaming()))};
    }

    static String[] prices(ImageModel m) {
        TokenPrices p = m.prices();
        return new String[] {
                m.ratesEstimated() ? "Estimated rates (not OpenAI's published prices)" : "OpenAI's published rates",
                "Text in " + rate(p.textInPerMillion()) + " (cached " + rate(p.textInCachedPerMillion()) + ")",
                "Image in " + rate(p.imageInPerMillion()) + " (cached " + rate(p.imageInCachedPerMillion()) + ")",
                "Image out " + rate(p.imageOutPerMillion()) + " · text out " + rate(p.textOutPerMillion())};
    }

    /** Words, not check marks: a machine without a symbol font draws those as empty boxes. */
    private static String flag(String name, boolean supported) {
        return supported ? name : "no " + name;
    }

    private static String rate(BigDecimal rate) {
        BigDecimal plain = rate.stripTrailingZeros();
        return "$" + (plain.scale() <= 2 ? rate.setScale(2, java.math.RoundingMode.UNNECESSARY) : plain).toPlainString();
    }

    private static Div lines(String... lines) {
        Div box = new Div();
        box.addClassName("cell-lines");
        for (String line : lines) {
            box.add(new Div(line));
        }
        return box;
    }
}
