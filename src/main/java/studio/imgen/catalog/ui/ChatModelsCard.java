package studio.imgen.catalog.ui;

import studio.imgen.workspace.ui.RoleBadge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import studio.imgen.catalog.ChatCatalogEntry;
import studio.imgen.catalog.ModelCatalogService;
import studio.imgen.catalog.ChatModel;
import studio.imgen.catalog.ChatModelDraft;

/** The chat models that drive conversation turns: lifecycle and replacement, editable like image models. */
class ChatModelsCard extends Div {

    private final ModelCatalogService catalogue;
    private final Grid<ChatCatalogEntry> grid = new Grid<>();

    ChatModelsCard(ModelCatalogService catalogue) {
        this.catalogue = catalogue;
        addClassName("chat-models");
        Button add = new Button("Add chat model", VaadinIcon.PLUS.create(), e -> edit(null));
        Paragraph intro = new Paragraph("Conversation turns send one of these to OpenAI's Responses API; it calls the"
                + " image model as a tool. Workspace admins choose from the offered ones. A shut-down model is never"
                + " sent: turns use its replacement.");
        intro.addClassName("hint");
        Div toolbar = new Div(add);
        toolbar.addClassName("button-row");
        grid.addClassName("chat-model-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(e -> ModelCatalogView.who(e.model().label(), e.model().id())).setHeader("Model")
                .setKey("model").setFlexGrow(2);
        grid.addComponentColumn(ChatModelsCard::status).setHeader("Status").setKey("status").setFlexGrow(3);
        grid.addColumn(e -> e.model().replacement() == null ? "" : e.model().replacement()).setHeader("Replacement")
                .setKey("replacement").setFlexGrow(1);
        grid.addComponentColumn(e -> {
            Button edit = new Button("Edit", click -> edit(e));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setKey("actions").setFlexGrow(0).setAutoWidth(true);
        add(new H3("Chat models"), intro, toolbar, grid);
    }

    void refresh() {
        grid.setItems(catalogue.chatModels());
    }

    private void edit(ChatCatalogEntry entry) {
        new ChatModelDialog(entry == null ? null : ChatModelDraft.of(entry.model()),
                draft -> entry == null ? catalogue.addChat(draft) : catalogue.updateChat(draft), this::refresh).open();
    }

    private static Div status(ChatCatalogEntry entry) {
        ChatModel m = entry.model();
        Div badges = new Div();
        badges.addClassName("badges");
        badges.add(m.enabled() ? RoleBadge.status("Enabled", "active") : RoleBadge.status("Disabled", "inactive"));
        badges.add(ModelCatalogView.lifecycleBadge(entry.lifecycle()));
        if (m.isDefault()) {
            badges.add(RoleBadge.status("Default", "admin"));
        }
        if (!m.supportsImageTool()) {
            Span noTool = new Span("Cannot call the image tool");
            noTool.addClassName("hint");
            badges.add(noTool);
        }
        return badges;
    }
}
