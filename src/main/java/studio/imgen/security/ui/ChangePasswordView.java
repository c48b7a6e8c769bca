package studio.imgen.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.base.UserInputException;
import studio.imgen.security.AccountService;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.PasswordPolicy;
import studio.imgen.security.StudioUser;

/**
 * Change password. Stands outside the main layout because a user who must change their password may open nothing
 * else until they have.
 */
@Route("change-password")
@PageTitle("Change password · ImGen Studio")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField confirm = new PasswordField("Repeat new password");
    private final Div message = new Div();

    ChangePasswordView(AccountService accounts, CurrentUser currentUser) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        StudioUser me = currentUser.require();

        H2 title = new H2(me.mustChangePassword() ? "Choose your own password" : "Change password");
        Paragraph intro = new Paragraph(me.mustChangePassword()
                ? "Your password was set by an administrator. Choose a new one to continue."
                : "Use at least " + PasswordPolicy.MIN_CHARACTERS + " characters; a short sentence works well.");
        next.setHelperText("At least " + PasswordPolicy.MIN_CHARACTERS + " characters, not a commonly used password and not"
                + " your username. No rules about digits or symbols.");
        for (PasswordField field : new PasswordField[] {current, next, confirm}) {
            field.setWidthFull();
            field.setMaxLength(200);
        }
        message.addClassName("form-error");
        message.setVisible(false);

        Button save = new Button("Change password", e -> {
            try {
                StudioUser updated = accounts.changePassword(current.getValue(), next.getValue(), confirm.getValue());
                SessionPrincipal.replace(currentUser, updated);
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (UserInputException ex) {
                message.setText(ex.getMessage());
                message.setVisible(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setWidthFull();
        Div card = new Div(title, intro, current, next, confirm, message, save);
        card.addClassName("narrow-card");
        if (!me.mustChangePassword()) {
            Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.navigate("")));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            cancel.setWidthFull();
            card.add(cancel);
        }
        add(card);
    }
}
