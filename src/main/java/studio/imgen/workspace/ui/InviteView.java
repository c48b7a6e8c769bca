package studio.imgen.workspace.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import studio.imgen.workspace.InvitationAcceptance;
import studio.imgen.workspace.InvitationPreview;
import studio.imgen.workspace.JoinedWorkspace;
import studio.imgen.workspace.NewAccount;
import studio.imgen.base.UserInputException;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.PasswordPolicy;
import studio.imgen.security.StudioUser;
import studio.imgen.security.ui.SessionPrincipal;
import studio.imgen.workspace.WorkspaceService;

/**
 * The page an invitation link opens. It does one thing: accept that invitation, with a new account or (when logged in)
 * the current one. Any invalid link shows the same sentence and a way to the login page. A new account is then logged
 * in through the ordinary login form endpoint ({@link #LOGIN}), so the login is throttled and audited, the session
 * gets a new id and is registered like any other; a session cannot be rotated from a push connection.
 */
@Route("invite/:token")
@PageTitle("Invitation · ImGen Studio")
@AnonymousAllowed
public class InviteView extends VerticalLayout implements BeforeEnterObserver {

    /**
     * Posts the login form with the username and the password still in this page's field (the server never sends it
     * back), plus Spring's CSRF token from the page. Inline rather than a static file: anonymous visitors may load
     * only the application's own bundle.
     */
    static final String LOGIN = """
            const form = document.createElement('form');
            form.method = 'post';
            form.action = new URL('login', document.baseURI).href;
            form.style.display = 'none';
            const add = (name, value) => {
              const input = document.createElement('input');
              input.type = 'hidden';
              input.name = name;
              input.value = value;
              form.appendChild(input);
            };
            add('username', $0);
            add('password', $1.value);
            const token = document.querySelector('meta[name="_csrf"]');
            const parameter = document.querySelector('meta[name="_csrf_parameter"]');
            if (token) {
              add(parameter ? parameter.content : '_csrf', token.content);
            }
            document.body.appendChild(form);
            form.submit();
            """;

    private final InvitationAcceptance invitations;
    private final CurrentUser currentUser;
    private final WorkspaceService workspaces;
    private final Div card = new Div();
    private String token;

    InviteView(InvitationAcceptance invitations, CurrentUser currentUser, WorkspaceService workspaces) {
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.workspaces = workspaces;
        addClassName("login-view");
        addClassName("invite-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        card.addClassName("login-card");
        card.addClassName("invite-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Optional<InvitationPreview> preview = invitations.preview(token);
        if (preview.isEmpty()) {
            showInvalid();
        } else {
            showInvitation(preview.get());
        }
    }

    private void showInvalid() {
        card.removeAll();
        Paragraph sentence = new Paragraph(InvitationAcceptance.INVALID);
        sentence.addClassName("invite-invalid");
        card.add(brand(), sentence, new Anchor("login", "Go to the login page"));
    }

    private void showInvitation(InvitationPreview invitation) {
        card.removeAll();
        H2 title = new H2("Join " + invitation.workspaceName());
        title.addClassName("invite-title");
        Paragraph details = new Paragraph(invitation.invitedBy() + " invited you" + grants(invitation) + ".");
        details.addClassName("invite-details");
        card.add(brand(), title, details);
        Optional<StudioUser> me = currentUser.get();
        if (me.isPresent()) {
            card.add(joinAsCurrentUser(me.get(), invitation));
        } else {
            card.add(registrationForm(invitation));
        }
    }

    private static String grants(InvitationPreview invitation) {
        List<String> parts = new java.util.ArrayList<>();
        if (!invitation.roles().isEmpty()) {
            parts.add((invitation.roles().size() == 1 ? "the role " : "the roles ") + String.join(", ", invitation.roles()));
        }
        if (invitation.admin()) {
            parts.add("workspace admin rights");
        }
        return parts.isEmpty() ? "" : " with " + String.join(" and ", parts);
    }

    private Div joinAsCurrentUser(StudioUser me, InvitationPreview invitation) {
        Div error = errorLine();
        Button join = new Button("Join " + invitation.workspaceName(), e -> {
            try {
                JoinedWorkspace joined = invitations.joinAsCurrentUser(token);
                SessionPrincipal.replace(currentUser, workspaces.switchTo(joined.workspaceId()));
                UI.getCurrent().getPage().setLocation("/");
            } catch (UserInputException ex) {
                show(error, ex.getMessage());
            }
        });
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.setWidthFull();
        Paragraph who = new Paragraph("You are logged in as " + me.displayName() + " (" + me.getUsername() + ")."
                + " Join with this account, or log out first to create a new one.");
        who.addClassName("hint");
        Div box = new Div(who, error, join);
        box.addClassName("invite-form");
        return box;
    }

    private Div registrationForm(InvitationPreview invitation) {
        TextField username = new TextField("Username");
        username.setHelperText("Letters, digits, dots, dashes, underscores or @.");
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        TextField displayName = new TextField("Display name");
        displayName.setHelperText("How your team sees you.");
        PasswordField password = new PasswordField("Password");
        password.setHelperText("At least " + PasswordPolicy.MIN_CHARACTERS + " characters; a passphrase works well.");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        PasswordField confirmation = new PasswordField("Repeat password");
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        for (var field : List.of(username, displayName, password, confirmation)) {
            field.setWidthFull();
        }
        Div error = errorLine();
        Button create = new Button("Create account and join", e -> {
            try {
                invitations.register(token, new NewAccount(username.getValue(), displayName.getValue(),
                        password.getValue(), confirmation.getValue()));
                e.getSource().setEnabled(false);
                e.getSource().setText("Logging you in…");
                UI.getCurrent().getPage().executeJs(LOGIN, username.getValue().strip(), password.getElement());
            } catch (UserInputException ex) {
                if (InvitationAcceptance.INVALID.equals(ex.getMessage())) {
                    showInvalid();
                } else {
                    show(error, ex.getMessage());
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setWidthFull();
        Div form = new Div(username, displayName, password, confirmation, error, create);
        form.addClassName("invite-form");
        return form;
    }

    private static Div errorLine() {
        Div error = new Div();
        error.addClassName("form-error");
        error.setVisible(false);
        error.getElement().setAttribute("role", "alert");
        return error;
    }

    private static void show(Div error, String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static H1 brand() {
        H1 brand = new H1("ImGen Studio");
        brand.addClassName("login-brand");
        return brand;
    }
}
