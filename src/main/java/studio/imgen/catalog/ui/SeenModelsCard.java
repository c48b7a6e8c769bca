package studio.imgen.catalog.ui;

import studio.imgen.base.ui.Actions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import studio.imgen.catalog.ModelCatalogService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import studio.imgen.catalog.SeenModel;

/**
 * Image-model ids that workspaces' OpenAI keys list but the catalogue lacks: a new model OpenAI released. One action
 * adds it with conservative capabilities and estimated rates, to edit afterwards.
 */
class SeenModelsCard extends Div {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ModelCatalogService catalogue;
    private final Runnable onAdded;
    private final Grid<SeenModel> grid = new Grid<>();

    SeenModelsCard(ModelCatalogService catalogue, Runnable onAdded) {
        this.catalogue = catalogue;
        this.onAdded = onAdded;
        addClassName("seen-models");
        Paragraph intro = new Paragraph("Image models OpenAI offers to workspaces' keys that the catalogue does not"
                + " have yet. Adding one offers it with conservative capabilities (one image, standard sizes, no"
                + " references, mask or transparency) and estimated rates until you edit it.");
        intro.addClassName("hint");
        grid.addClassName("seen-model-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(SeenModel::id).setHeader("Model id").setKey("id").setFlexGrow(2);
        grid.addColumn(s -> s.workspaces() + (s.workspaces() == 1 ? " workspace" : " workspaces"))
                .setHeader("Seen through").setKey("workspaces").setFlexGrow(1);
        grid.addColumn(s -> DAY.format(s.firstSeen())).setHeader("First seen").setKey("first-seen").setFlexGrow(1);
        grid.addComponentColumn(s -> {
            Button add = new Button("Add to catalogue", VaadinIcon.PLUS.create(),
                    e -> Actions.run(() -> catalogue.addSeen(s.id()), onAdded));
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            add.setAriaLabel("Add " + s.id() + " to the catalogue");
            return add;
        }).setKey("actions").setFlexGrow(0).setAutoWidth(true);
        add(new H3("Seen through workspaces' keys"), intro, grid);
    }

    void refresh() {
        List<SeenModel> seen = catalogue.uncataloguedModels();
        grid.setItems(seen);
        setVisible(!seen.isEmpty());
    }
}
