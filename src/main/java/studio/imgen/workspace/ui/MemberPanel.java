package studio.imgen.workspace.ui;

import studio.imgen.base.ui.Actions;
import studio.imgen.base.ui.DialogForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import studio.imgen.workspace.MemberService;
import studio.imgen.workspace.MemberSummary;
import studio.imgen.workspace.WorkspaceRole;

/**
 * What an admin can do to the selected member: roles (many per member), password reset, admin right, deactivation.
 * Every action goes through {@link MemberService}, which decides; the panel only offers.
 */
class MemberPanel extends Div {

    private final MemberService members;
    private final Runnable onChange;
    private final Consumer<MemberSummary> onOwnAdminRemoved;

    MemberPanel(MemberService members, Runnable onChange, Consumer<MemberSummary> onOwnAdminRemoved) {
        this.members = members;
        this.onChange = onChange;
        this.onOwnAdminRemoved = onOwnAdminRemoved;
        addClassName("admin-card");
        addClassName("member-panel");
        show(null, List.of());
    }

    void show(MemberSummary member, List<WorkspaceRole> roles) {
        removeAll();
        if (member == null) {
            Paragraph hint = new Paragraph("Select a member to change their roles, password, admin right or access.");
            hint.addClassName("hint");
            add(hint);
            return;
        }
        add(new H3(member.displayName() + " (" + member.username() + ")"));
        add(rolePicker(member, roles));

        Button password = new Button("Reset password…", e -> resetPassword(member));
        Button admin = new Button(member.admin() ? "Remove admin right" : "Make admin", e ->
                Actions.run(() -> members.setAdmin(member.userId(), !member.admin()), () -> {
                    if (member.you() && member.admin()) {
                        onOwnAdminRemoved.accept(member);
                    } else {
                        onChange.run();
                    }
                }));
        Button access = new Button(member.active() ? "Deactivate…" : "Reactivate", e -> {
            if (member.active()) {
                confirmDeactivation(member);
            } else {
                Actions.run(() -> members.setActive(member.userId(), true), onChange);
            }
        });
        if (member.active()) {
            access.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        password.setEnabled(!member.you());
        access.setEnabled(!member.you());
        Div buttons = new Div(password, admin, access);
        buttons.addClassName("button-row");
        add(buttons);
    }

    private Div rolePicker(MemberSummary member, List<WorkspaceRole> roles) {
        if (roles.isEmpty()) {
            Paragraph none = new Paragraph("This workspace has no roles yet. Create them under Roles & access.");
            none.addClassName("hint");
            return new Div(none);
        }
        CheckboxGroup<WorkspaceRole> picker = new CheckboxGroup<>("Roles");
        picker.setItems(roles);
        picker.setItemLabelGenerator(WorkspaceRole::name);
        Set<java.util.UUID> held = member.roles().stream().map(WorkspaceRole::id).collect(Collectors.toSet());
        picker.setValue(roles.stream().filter(r -> held.contains(r.id())).collect(Collectors.toSet()));
        Button save = new Button("Save roles", e -> Actions.run(() -> members.assignRoles(member.userId(),
                picker.getValue().stream().map(WorkspaceRole::id).collect(Collectors.toSet())), onChange));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div box = new Div(picker, save);
        box.addClassName("role-picker");
        return box;
    }

    private void resetPassword(MemberSummary member) {
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least 8 characters. " + member.displayName() + " must change it at the next login.");
        password.setWidthFull();
        new DialogForm("Reset password of " + member.displayName(), "Set password",
                () -> members.resetPassword(member.userId(), password.getValue()), onChange, password).open();
    }

    private void confirmDeactivation(MemberSummary member) {
        ConfirmDialog confirm = new ConfirmDialog("Deactivate " + member.displayName() + "?",
                member.displayName() + " is logged out everywhere and cannot log in until reactivated. Their queued"
                        + " generations are cancelled. Their images stay.", "Deactivate",
                e -> Actions.run(() -> members.setActive(member.userId(), false), onChange));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
