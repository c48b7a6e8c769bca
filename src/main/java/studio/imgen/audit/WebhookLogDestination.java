package studio.imgen.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import studio.imgen.admin.LogDestination;
import imgen.db.tables.records.WorkspaceWebhookRecord;

/** Tells the admin settings overview where generation logs go and how the last delivery went. */
@Component
class WebhookLogDestination implements LogDestination {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WebhookRepository webhooks;

    WebhookLogDestination(WebhookRepository webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public String describe(UUID workspaceId) {
        return webhooks.find(workspaceId).map(WebhookLogDestination::line)
                .orElse("Not set: generation logs are kept in the audit log only.");
    }

    private static String line(WorkspaceWebhookRecord w) {
        String target = WebhookTarget.describe(w.getUrl());
        if (w.getLastStatus() == null) {
            return target + " · no delivery yet";
        }
        String when = WHEN.format(w.getLastAttemptAt().toInstant()) + " UTC";
        if ("delivered".equals(w.getLastStatus())) {
            return target + " · last delivery succeeded " + when;
        }
        return target + " · last delivery failed " + when
                + (w.getFailuresInARow() > 1 ? " (" + w.getFailuresInARow() + " failures in a row)" : "");
    }
}
