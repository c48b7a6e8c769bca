package studio.imgen.admin.ui;

import studio.imgen.base.ui.Actions;
import studio.imgen.workspace.ui.RoleBadge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RoleOverview;
import studio.imgen.base.Notice;
import studio.imgen.base.ui.StatusLine;

/**
 * Roles & access: the role access grid. One rule per role (cooldown, allowed models, sizes and qualities, quotas,
 * budget); no rules at all means open access. Select a role to edit or remove its rule, rename or delete it.
 */
class RolesTab extends Div {

    static final String OPEN = "Open access: no role has an access rule, so every member may generate with every"
            + " model, size and quality, without cooldowns or limits.";
    static final String RESTRICTED = "Access is restricted: only members who hold at least one role with an access"
            + " rule may generate, within the most generous of their roles' rules.";

    private final RoleAccessService service;
    private final Grid<RoleOverview> grid = new Grid<>();
    private final StatusLine state = new StatusLine();
    private final Div panel = new Div();
    private final Button ruleButton;
    private List<RoleOverview> roles = List.of();

    RolesTab(RoleAccessService service) {
        this.service = service;
        addClassName("admin-tab");
        addClassName("roles-tab");

        state.addClassName("access-state");
        Paragraph policy = new Paragraph("A generation uses up its cooldown and quota when it is admitted. If it then"
                + " fails for an upstream reason (OpenAI error, timeout, no image), both are given back; a rejection"
                + " by OpenAI's safety system is not.");
        policy.addClassName("hint");

        Button create = new Button("New role", VaadinIcon.PLUS.create(), e -> RoleDialog.create(service, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ruleButton = new Button("Add or update access rule", VaadinIcon.LOCK.create(),
                e -> new RuleDialog(service, roles, grid.asSingleSelect().getValue(), this::refresh).open());
        Button clear = new Button("Clear all rules…", e -> confirmClear());
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div toolbar = new Div(create, ruleButton, clear);
        toolbar.addClassName("button-row");

        grid.addClassName("roles-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(r -> new RoleBadge(r.role())).setHeader("Role").setKey("role").setFlexGrow(1);
        grid.addColumn(RoleOverview::members).setHeader("Members").setKey("members").setFlexGrow(0).setWidth("7em");
        grid.addColumn(RoleOverview::summary).setHeader("Access rule").setKey("rule").setFlexGrow(4);
        grid.setEmptyStateText("No roles yet. Create a role, give it an access rule and assign it to members.");
        grid.asSingleSelect().addValueChangeListener(e -> showPanel(e.getValue()));
        panel.addClassName("admin-card");
        panel.addClassName("role-panel");

        add(state, policy, toolbar, grid, panel);
        refresh();
    }

    void refresh() {
        RoleOverview selected = grid.asSingleSelect().getValue();
        roles = service.roles();
        grid.setItems(roles);
        boolean anyRule = roles.stream().anyMatch(r -> r.rule().isPresent());
        state.show(anyRule ? Notice.info(RESTRICTED) : Notice.info(OPEN));
        state.getElement().setAttribute("data-open", String.valueOf(!anyRule));
        ruleButton.setEnabled(!roles.isEmpty());
        RoleOverview again = selected == null ? null
                : roles.stream().filter(r -> r.role().id().equals(selected.role().id())).findFirst().orElse(null);
        if (again != null) {
            grid.select(again);
        }
        showPanel(again);
    }

    private void showPanel(RoleOverview role) {
        panel.removeAll();
        if (role == null) {
            Paragraph hint = new Paragraph("Select a role to edit its access rule, rename it or delete it.");
            hint.addClassName("hint");
            panel.add(hint);
            return;
        }
        Span summary = new Span(role.summary());
        summary.addClassName("rule-summary");
        Button editRule = new Button(role.rule().isPresent() ? "Edit access rule…" : "Add access rule…",
                e -> new RuleDialog(service, roles, role, this::refresh).open());
        editRule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button removeRule = new Button("Remove access rule",
                e -> Actions.run(() -> service.removeRule(role.role().id()), this::refresh));
        removeRule.setEnabled(role.rule().isPresent());
        Button editRole = new Button("Rename or recolour…", e -> RoleDialog.edit(service, role.role(), this::refresh).open());
        Button delete = new Button("Delete role…", e -> confirmDelete(role));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div buttons = new Div(editRule, removeRule, editRole, delete);
        buttons.addClassName("button-row");
        panel.add(new H3(role.role().name()), summary, buttons);
    }

    private void confirmClear() {
        ConfirmDialog confirm = new ConfirmDialog("Clear all access rules?",
                "Access becomes open to every member of the workspace: anyone may generate with any model, size and"
                        + " quality, without cooldowns, quotas or budgets. Roles and their members stay; cooldown"
                        + " times already used are kept.", "Clear all rules",
                e -> Actions.run(service::clearRules, this::refresh));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void confirmDelete(RoleOverview role) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + role.role().name() + "?",
                role.members() + (role.members() == 1 ? " member holds" : " members hold") + " this role and will lose it.",
                "Delete role", e -> Actions.run(() -> service.deleteRole(role.role().id()), () -> {
                    grid.deselectAll();
                    refresh();
                }));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
