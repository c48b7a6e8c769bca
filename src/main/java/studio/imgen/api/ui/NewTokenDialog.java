package studio.imgen.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import studio.imgen.api.ApiTokenService;
import studio.imgen.api.CreatedToken;
import studio.imgen.base.UserInputException;

/**
 * Creates a token in two steps: name and expiry, then the secret, shown once with a copy button. Closing the dialog
 * forgets the secret; the list only ever shows its first characters.
 */
class NewTokenDialog extends Dialog {

    private final ApiTokenService tokens;
    private final Runnable created;
    private final TextField name = new TextField("Name");
    private final Select<Integer> validity = new Select<>();
    private final Div error = new Div();

    NewTokenDialog(ApiTokenService tokens, Runnable created) {
        this.tokens = tokens;
        this.created = created;
        addClassName("new-token-dialog");
        setHeaderTitle("New API token");
        name.setPlaceholder("e.g. nightly-thumbnails or Figma plugin");
        name.setHelperText("Shown in the audit log and usage as \"via token <name>\".");
        name.setMaxLength(ApiTokenService.MAX_NAME);
        name.setWidthFull();
        name.setRequiredIndicatorVisible(true);
        validity.setLabel("Expires after");
        validity.setItems(ApiTokenService.EXPIRY_DAYS);
        validity.setItemLabelGenerator(days -> days == 365 ? "1 year" : days + " days");
        validity.setValue(90);
        validity.setWidthFull();
        error.addClassName("form-error");
        error.setVisible(false);
        add(new Div(name, validity, error));
        Button create = new Button("Create token", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, create);
    }

    private void create() {
        try {
            CreatedToken token = tokens.create(name.getValue(), validity.getValue());
            created.run();
            showSecret(token);
        } catch (UserInputException refused) {
            error.setText(refused.getMessage());
            error.setVisible(true);
        }
    }

    private void showSecret(CreatedToken token) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Token \"" + token.token().name() + "\" created");
        TextField secret = new TextField("Your new token");
        secret.setValue(token.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("token-secret");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> {
            secret.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", token.secret());
            e.getSource().setText("Copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        secret.setSuffixComponent(copy);
        Paragraph once = new Paragraph("Copy it now: ImGen Studio keeps only a fingerprint of it and cannot show it "
                + "again. Use it as the API key of any OpenAI client whose base URL points at this app's /v1.");
        once.addClassName("hint");
        add(secret, once);
        Button done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
