package studio.imgen.audit;

import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import studio.imgen.base.AppProperties;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.catalog.Money;
import studio.imgen.generate.GenerationFinished;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.RecordedRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * One webhook message per succeeded generation of a workspace that has a webhook. Denials, failures and other states
 * post nothing (imgen-behaviour scenario 46). Building the message is quick; the delivery happens elsewhere, so a slow
 * or broken chat server never holds up the worker that finished the generation.
 */
@Component
class WebhookNotifier {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private final WebhookRepository webhooks;
    private final WebhookDelivery delivery;
    private final DSLContext db;
    private final ModelCatalog catalog;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final String publicUrl;

    WebhookNotifier(WebhookRepository webhooks, WebhookDelivery delivery, DSLContext db, ModelCatalog catalog,
                    AuditLog auditLog, ObjectMapper json, AppProperties app) {
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.db = db;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.json = json;
        this.publicUrl = app.publicUrl() == null ? "" : app.publicUrl().replaceAll("/+$", "");
    }

    /** After the audit row (order 0): the message describes what the log already holds. */
    @EventListener
    @Order(100)
    void on(GenerationFinished event) {
        if (event.status() != GenerationStatus.SUCCEEDED) {
            return;
        }
        try {
            webhooks.find(event.workspaceId()).ifPresent(webhook ->
                    delivery.send(event.workspaceId(), webhook.getUrl(), message(event).json(json)));
        } catch (RuntimeException e) {
            log.warn("No webhook message for generation {}: {}", event.generationId(), e.toString());
        }
    }

    WebhookMessage message(GenerationFinished event) {
        RecordedRequest g = event.request();
        Long cost = event.outcome().costMicros();
        UUID firstImage = event.imageIds().isEmpty() ? null : event.imageIds().get(0);
        String model = catalog.find(g.options().model()).map(ImageModel::label).orElse(g.options().model());
        String via = TokenUse.recordedFor(db, event.workspaceId(), event.generationId());
        return new WebhookMessage(WebhookMessage.title("edit".equals(g.kind())),
                auditLog.displayName(event.userId()) + (via == null ? "" : " (via token " + via + ")"),
                g.prompt(), model, g.options().size(), g.options().quality(),
                cost == null ? null : Money.cost(cost, event.outcome().costEstimated()),
                // Workers have no request to take an address from: without APP_PUBLIC_URL the message carries no link.
                firstImage == null || publicUrl.isEmpty() ? null : publicUrl + "/img/" + firstImage);
    }

    /** A sample message for "Send test". */
    static WebhookMessage test(String adminName, String publicUrl) {
        return new WebhookMessage("🧪 Test message from ImGen Studio", adminName,
                "If you can read this, generation logs will arrive here.", "-", "-", "-", null,
                publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "") + "/audit");
    }
}
