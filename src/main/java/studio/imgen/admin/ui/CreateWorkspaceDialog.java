package studio.imgen.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import studio.imgen.admin.CreatedWorkspace;
import studio.imgen.admin.WorkspaceDirectoryService;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;

/**
 * A new workspace and its first admin: an invitation link (shown once, to pass on) or an existing account. A refused
 * name or username keeps the dialog open with everything as typed, and nothing is created.
 */
class CreateWorkspaceDialog extends Dialog {

    static final String BY_LINK = "Invite with a link";
    static final String EXISTING = "An existing account";

    CreateWorkspaceDialog(WorkspaceDirectoryService directory, Runnable afterCreate) {
        setHeaderTitle("New workspace");
        addClassNames("admin-dialog", "create-workspace-dialog");
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        TextField name = new TextField("Name");
        name.setMaxLength(100);
        name.setWidthFull();
        name.setPlaceholder("Design team");
        RadioButtonGroup<String> firstAdmin = new RadioButtonGroup<>("First admin");
        firstAdmin.setItems(BY_LINK, EXISTING);
        firstAdmin.setValue(BY_LINK);
        TextField username = new TextField("Username");
        username.setHelperText("The account becomes the workspace's admin; it keeps its other workspaces.");
        username.setWidthFull();
        username.setVisible(false);
        firstAdmin.addValueChangeListener(e -> username.setVisible(EXISTING.equals(e.getValue())));
        Div fields = new Div(name, firstAdmin, username);
        fields.addClassName("dialog-fields");
        add(error, fields);

        Button create = new Button("Create workspace", VaadinIcon.PLUS.create(), e -> {
            try {
                CreatedWorkspace created = directory.create(name.getValue(),
                        EXISTING.equals(firstAdmin.getValue()) ? required(username.getValue()) : null);
                close();
                afterCreate.run();
                created.adminInvitation().ifPresentOrElse(
                        link -> new AdminLinkDialog("Admin invitation for “" + created.name() + "”", created.message(),
                                link.link()).open(),
                        () -> Notifications.success(created.message()));
            } catch (UserInputException refused) {
                error.setText(refused.getMessage());
                error.setVisible(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }

    private static String required(String username) {
        if (username == null || username.isBlank()) {
            throw new UserInputException("Enter the username of the account to make admin, or invite with a link.");
        }
        return username;
    }
}
