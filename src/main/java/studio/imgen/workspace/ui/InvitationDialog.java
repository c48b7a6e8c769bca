package studio.imgen.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.Collectors;
import studio.imgen.workspace.CreatedInvitation;
import studio.imgen.workspace.InvitationDraft;
import studio.imgen.workspace.InvitationExpiry;
import studio.imgen.workspace.InvitationService;
import studio.imgen.workspace.WorkspaceRole;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;

/**
 * Creates an invitation link: roles, admin right, expiry. The second step shows the link once, ready to copy; it
 * cannot be shown again because only its hash is stored.
 */
class InvitationDialog extends Dialog {

    private final InvitationService invitations;
    private final Runnable afterCreate;
    private final Div error = new Div();

    InvitationDialog(InvitationService invitations, List<WorkspaceRole> roles, Runnable afterCreate) {
        this.invitations = invitations;
        this.afterCreate = afterCreate;
        setHeaderTitle("Invite with a link");
        addClassName("admin-dialog");
        addClassName("invitation-dialog");
        error.addClassName("form-error");
        error.setVisible(false);

        CheckboxGroup<WorkspaceRole> rolePicker = new CheckboxGroup<>("Roles");
        rolePicker.setItems(roles);
        rolePicker.setItemLabelGenerator(WorkspaceRole::name);
        rolePicker.setHelperText("Optional. The new member gets these roles.");
        rolePicker.setVisible(!roles.isEmpty());
        Checkbox admin = new Checkbox("Workspace admin");
        RadioButtonGroup<InvitationExpiry> expiry = new RadioButtonGroup<>("Link valid for");
        expiry.setItems(InvitationExpiry.values());
        expiry.setItemLabelGenerator(InvitationExpiry::label);
        expiry.setValue(InvitationExpiry.SEVEN_DAYS);
        Paragraph note = new Paragraph("Anyone with the link can join this workspace once, until it expires."
                + " Share it only with the person you invite.");
        note.addClassName("hint");
        Div fields = new Div(rolePicker, admin, expiry, note);
        fields.addClassName("dialog-fields");
        add(error, fields);

        Button create = new Button("Create link", VaadinIcon.LINK.create(), e -> {
            try {
                CreatedInvitation created = invitations.create(new InvitationDraft(
                        rolePicker.getValue().stream().map(WorkspaceRole::id).collect(Collectors.toSet()),
                        admin.getValue(), expiry.getValue()));
                showLink(created);
                afterCreate.run();
            } catch (UserInputException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void showLink(CreatedInvitation created) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Invitation link");
        TextField link = new TextField("Link");
        link.setValue(created.link());
        link.setReadOnly(true);
        link.setWidthFull();
        link.addClassName("invitation-link");
        link.addFocusListener(e -> link.getElement().executeJs("this.inputElement.select()"));
        Button copy = new Button("Copy link", VaadinIcon.COPY.create(), e -> {
            link.getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0).then(() => true)"
                    + " : false", created.link()).then(Boolean.class, copied ->
                    showCopyOutcome(Boolean.TRUE.equals(copied)));
        });
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Dialog text, not a toast: the success mark is already implied by the link being there.
        Paragraph message = new Paragraph(created.message());
        message.addClassName("invitation-message");
        Div body = new Div(message, link);
        body.addClassName("dialog-fields");
        add(body);
        getFooter().add(new Button("Done", e -> close()), copy);
    }

    private static void showCopyOutcome(boolean copied) {
        if (copied) {
            Notifications.success("Link copied.");
        } else {
            Notifications.info("Select the link and copy it.");
        }
    }
}
