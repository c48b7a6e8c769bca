package studio.imgen.admin.ui;

import studio.imgen.base.ui.Actions;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.PasswordField;
import studio.imgen.admin.ApiKeyPolicy;
import studio.imgen.admin.SettingsOverview;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;
import studio.imgen.base.ui.StatusLine;

/**
 * The workspace's OpenAI key: write-only. The field is emptied right after every attempt, the reveal button is off,
 * and the status shows only "configured · ends with …abcd", so the key never travels back to the browser.
 */
class KeyCard extends Div {

    private final WorkspaceSettingsService settings;
    private final Runnable onChange;
    private final StatusLine status = new StatusLine();
    private final PasswordField key = new PasswordField("New API key");
    private final Button test = new Button("Test key");
    private final Button clear = new Button("Clear key…");
    private final StatusLine testResult = new StatusLine();

    KeyCard(WorkspaceSettingsService settings, Runnable onChange) {
        this.settings = settings;
        this.onChange = onChange;
        addClassName("admin-card");
        status.addClassName("key-status");
        key.setRevealButtonVisible(false);
        key.setPlaceholder("sk-…");
        key.setMaxLength(ApiKeyPolicy.MAX_LENGTH + 50);
        key.setHelperText("Stored encrypted. It is never shown again: only its last four characters.");
        key.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        key.setWidthFull();

        Button set = new Button("Set key", e -> setKey());
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        test.addClickListener(e -> testKey());
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR);
        clear.addClickListener(e -> confirmClear());
        Div buttons = new Div(set, test, clear);
        buttons.addClassName("button-row");
        testResult.addClassName("key-test-result");
        testResult.setVisible(false);

        add(new H3("OpenAI API key"), status, key, buttons, testResult);
    }

    void show(SettingsOverview overview) {
        status.show(overview.keyConfigured() ? Notice.success(overview.keyLine()) : Notice.error(overview.keyLine()));
        test.setEnabled(overview.keyConfigured());
        clear.setEnabled(overview.keyConfigured());
    }

    private void setKey() {
        String value = key.getValue();
        // Emptied before anything else, so not even a refusal leaves the key in the component.
        key.clear();
        try {
            Notifications.success(settings.setApiKey(value));
            testResult.setVisible(false);
            onChange.run();
            // Testing a new key right away also reads which models it can use.
            testKey();
        } catch (UserInputException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void confirmClear() {
        ConfirmDialog confirm = new ConfirmDialog("Remove the OpenAI key?",
                "Members cannot generate images until an admin sets a key again.", "Remove key",
                e -> Actions.report(settings::clearApiKey, () -> {
                    testResult.setVisible(false);
                    onChange.run();
                }));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void testKey() {
        UI ui = UI.getCurrent();
        test.setEnabled(false);
        test.setText("Testing…");
        boolean started = Background.run(ui, () -> {
            try {
                return settings.testApiKey();
            } catch (RuntimeException e) {
                return Notice.error("The key could not be tested. Try again in a moment.");
            }
        }, result -> {
            testResult.show(result);
            testResult.setVisible(true);
            test.setText("Test key");
            test.setEnabled(true);
            onChange.run();
        });
        if (!started) {
            test.setText("Test key");
            test.setEnabled(true);
            Notifications.error("Too many key tests are running. Try again in a moment.");
        }
    }
}
