package studio.imgen.workspace.ui;

import studio.imgen.base.ui.DialogForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import studio.imgen.workspace.InvitationService;
import studio.imgen.workspace.MemberService;
import studio.imgen.workspace.MemberSummary;
import studio.imgen.workspace.NewMember;
import studio.imgen.workspace.WorkspaceRole;

/** Members: who is in the workspace, with their roles as badges; select one to manage them. */
public class MembersTab extends Div {

    private final MemberService members;
    private final Grid<MemberSummary> grid = new Grid<>();
    private final MemberPanel panel;
    private final InvitationService invitations;
    private final InvitationsCard openInvitations;
    private List<WorkspaceRole> roles = List.of();

    public MembersTab(MemberService members, InvitationService invitations, Consumer<MemberSummary> onOwnAdminRemoved) {
        this.members = members;
        this.invitations = invitations;
        openInvitations = new InvitationsCard(invitations);
        addClassName("admin-tab");
        addClassName("members-tab");
        panel = new MemberPanel(members, this::refresh, onOwnAdminRemoved);

        Button create = new Button("New member", VaadinIcon.PLUS.create(), e -> createMember());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button addExisting = new Button("Add existing account", VaadinIcon.USER_CHECK.create(), e -> addExisting());
        Button invite = new Button("Invite with a link", VaadinIcon.LINK.create(),
                e -> new InvitationDialog(invitations, roles, openInvitations::refresh).open());
        Div toolbar = new Div(create, invite, addExisting);
        toolbar.addClassName("button-row");

        grid.addClassName("members-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(MembersTab::who).setHeader("Member").setKey("member").setFlexGrow(2);
        grid.addComponentColumn(MembersTab::badges).setHeader("Roles").setKey("roles").setFlexGrow(2);
        grid.addComponentColumn(MembersTab::status).setHeader("Status").setKey("status").setFlexGrow(1);
        grid.setEmptyStateText("No members yet. Create one with New member.");
        grid.asSingleSelect().addValueChangeListener(e -> panel.show(e.getValue(), roles));

        add(toolbar, grid, panel, openInvitations);
        refresh();
    }

    public void refresh() {
        MemberSummary selected = grid.asSingleSelect().getValue();
        roles = members.assignableRoles();
        List<MemberSummary> all = members.members();
        grid.setItems(all);
        MemberSummary again = selected == null ? null
                : all.stream().filter(m -> m.userId().equals(selected.userId())).findFirst().orElse(null);
        if (again != null) {
            grid.select(again);
        }
        panel.show(again, roles);
        openInvitations.refresh();
    }

    private static Div who(MemberSummary member) {
        Span name = new Span(member.displayName());
        name.addClassName("member-name");
        Span username = new Span(member.username());
        username.addClassName("member-username");
        Div who = new Div(name, username);
        who.addClassName("member-who");
        return who;
    }

    private static Div badges(MemberSummary member) {
        Div badges = new Div();
        badges.addClassName("badges");
        member.roles().forEach(role -> badges.add(new RoleBadge(role)));
        if (member.roles().isEmpty()) {
            Span none = new Span("No roles");
            none.addClassName("hint");
            badges.add(none);
        }
        return badges;
    }

    private static Div status(MemberSummary member) {
        Div status = new Div();
        status.addClassName("badges");
        if (member.you()) {
            status.add(RoleBadge.status("You", "neutral"));
        }
        if (member.admin()) {
            status.add(RoleBadge.status("Admin", "admin"));
        }
        status.add(member.active() ? RoleBadge.status("Active", "active") : RoleBadge.status("Deactivated", "inactive"));
        if (member.mustChangePassword()) {
            status.add(RoleBadge.status("Must change password", "neutral"));
        }
        return status;
    }

    private void createMember() {
        TextField username = new TextField("Username");
        TextField displayName = new TextField("Display name");
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least 8 characters. They must choose their own at first login.");
        Checkbox admin = new Checkbox("Workspace admin");
        for (var field : List.of(username, displayName, password)) {
            field.setWidthFull();
        }
        new DialogForm("New member", "Create member", () -> members.createMember(new NewMember(username.getValue(),
                displayName.getValue(), password.getValue(), admin.getValue())), this::refresh,
                username, displayName, password, admin).open();
    }

    private void addExisting() {
        TextField username = new TextField("Username");
        username.setHelperText("Someone who already has an account, e.g. in another workspace.");
        username.setWidthFull();
        Checkbox admin = new Checkbox("Workspace admin");
        new DialogForm("Add an existing account", "Add member",
                () -> members.addExistingUser(username.getValue(), admin.getValue()), this::refresh, username, admin)
                .open();
    }
}
