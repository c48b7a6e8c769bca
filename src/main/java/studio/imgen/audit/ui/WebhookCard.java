package studio.imgen.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import studio.imgen.audit.WebhookService;
import studio.imgen.audit.WebhookSettings;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;
import studio.imgen.base.ui.UiUpdates;

/**
 * The workspace's log webhook: where succeeded generations are posted (Slack- or Discord-compatible), and how the
 * last delivery went, so a broken webhook is visible instead of silently failing.
 */
class WebhookCard extends Div {

    private final WebhookService webhooks;
    private final TextField url = new TextField("Webhook URL");
    private final Span status = new Span();
    private final Button test = new Button("Send test");
    private final Button clear = new Button("Remove");

    WebhookCard(WebhookService webhooks) {
        this.webhooks = webhooks;
        addClassName("webhook-card");
        url.setPlaceholder("https://hooks.slack.com/services/…");
        url.setHelperText("Slack or Discord incoming webhook. One message per generated image set; the audit log is always on.");
        url.setMaxLength(2000);
        url.setWidthFull();
        Button save = new Button("Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        test.addClickListener(e -> sendTest());
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> {
            Notifications.success(webhooks.clear());
            refresh();
        });
        status.addClassName("webhook-status");
        status.getElement().setAttribute("aria-live", "polite");
        Div actions = new Div(save, test, clear);
        actions.addClassName("webhook-actions");
        add(new H3("Log webhook"), new Paragraph("Posts each finished generation (user, prompt, model, size, quality, "
                + "cost and a link) to a team channel."), url, actions, status);
        refresh();
    }

    private void save() {
        try {
            Notifications.success(webhooks.set(url.getValue()));
            refresh();
        } catch (UserInputException e) {
            url.setInvalid(true);
            url.setErrorMessage(e.getMessage());
        }
    }

    private void sendTest() {
        test.setEnabled(false);
        status.setText("Sending a test message…");
        UI ui = UI.getCurrent();
        webhooks.test().thenAccept(UiUpdates.forCurrentUser(ui, outcome -> {
            test.setEnabled(true);
            Notifications.show(outcome);
            refresh();
        }));
    }

    private void refresh() {
        url.setInvalid(false);
        Optional<WebhookSettings> current = webhooks.settings();
        url.setValue(current.map(WebhookSettings::url).orElse(""));
        test.setEnabled(current.isPresent());
        clear.setEnabled(current.isPresent());
        status.removeClassNames("failed", "delivered");
        status.setText(current.map(WebhookCard::describe).orElse("Not set: generation logs are kept in the audit log only."));
        current.map(WebhookSettings::lastStatus).ifPresent(status::addClassName);
    }

    static String describe(WebhookSettings s) {
        if (s.lastStatus() == null) {
            return "No delivery yet.";
        }
        String when = AuditText.time(s.lastAttemptAt()) + " UTC";
        if ("delivered".equals(s.lastStatus())) {
            return "Last delivery succeeded at " + when + ".";
        }
        return "Last delivery failed at " + when + ": " + s.lastError()
                + (s.failuresInARow() > 1 ? " (" + s.failuresInARow() + " failures in a row)" : "")
                + (s.lastDeliveredAt() == null ? "" : ". Last success: " + AuditText.time(s.lastDeliveredAt()) + " UTC.");
    }
}
