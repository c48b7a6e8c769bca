package studio.imgen.audit;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

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
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.generate.GenerationRecorded;
import studio.imgen.generate.GenerationStatus;
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
    void on(GenerationRecorded event) {
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

    WebhookMessage message(GenerationRecorded event) {
        GenerationRecord g = db.selectFrom(GENERATION)
                .where(GENERATION.ID.eq(event.generationId()).and(GENERATION.WORKSPACE_ID.eq(event.workspaceId())))
                .fetchSingle();
        UUID firstImage = db.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.GENERATION_ID.eq(g.getId()).and(IMAGE.WORKSPACE_ID.eq(g.getWorkspaceId()))
                        .and(IMAGE.ROLE.eq("result")))
                .orderBy(IMAGE.POSITION).limit(1).fetchOptional(IMAGE.ID).orElse(null);
        String model = catalog.find(g.getModel()).map(ImageModel::label).orElse(g.getModel());
        String via = TokenUse.recordedFor(db, g.getWorkspaceId(), g.getId());
        return new WebhookMessage(WebhookMessage.title("edit".equals(g.getKind())),
                auditLog.displayName(g.getUserId()) + (via == null ? "" : " (via token " + via + ")"),
                g.getPrompt(), model, g.getSize(), g.getQuality(),
                g.getCostMicros() == null ? null : Money.cost(g.getCostMicros(), g.getCostEstimated()),
                firstImage == null ? null : publicUrl + "/img/" + firstImage);
    }

    /** A sample message for "Send test". */
    static WebhookMessage test(String adminName, String publicUrl) {
        return new WebhookMessage("🧪 Test message from ImGen Studio", adminName,
                "If you can read this, generation logs will arrive here.", "-", "-", "-", null,
                publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "") + "/audit");
    }
}
