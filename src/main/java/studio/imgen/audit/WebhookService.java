package studio.imgen.audit;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.AppProperties;
import studio.imgen.base.Notice;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;
import tools.jackson.databind.ObjectMapper;

/**
 * The log webhook of the caller's workspace (imgen-behaviour §6 "Log destination"): set, clear, send a test message
 * and see how deliveries went. Workspace admins only; every change is audited in the same transaction, with the URL
 * described by host only, since a chat webhook's path is its secret.
 */
@Service
@RolesAllowed("ADMIN")
public class WebhookService {

    private final WorkspaceAccess access;
    private final WebhookRepository webhooks;
    private final WebhookDelivery delivery;
    private final WebhookProperties properties;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final AppProperties app;

    WebhookService(WorkspaceAccess access, WebhookRepository webhooks, WebhookDelivery delivery,
                   WebhookProperties properties, AuditLog auditLog, ObjectMapper json, AppProperties app) {
        this.access = access;
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.properties = properties;
        this.auditLog = auditLog;
        this.json = json;
        this.app = app;
    }

    @RolesAllowed("ADMIN")
    public Optional<WebhookSettings> settings() {
        Member me = access.requireAdmin();
        return webhooks.find(me.workspaceId()).map(w -> new WebhookSettings(w.getUrl(), w.getLastStatus(),
                instant(w.getLastAttemptAt()), w.getLastHttpStatus(), w.getLastError(), instant(w.getLastDeliveredAt()),
                w.getFailuresInARow()));
    }

    /** Validates (http(s), no credentials, a public host unless private targets are allowed) and stores the URL. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String set(String url) {
        Member me = access.requireAdmin();
        URI uri = WebhookTarget.parse(url);
        WebhookTarget.checkAddresses(uri, properties.allowPrivate());
        String before = webhooks.find(me.workspaceId()).map(w -> WebhookTarget.describe(w.getUrl())).orElse("not set");
        webhooks.save(me.workspaceId(), uri.toString(), me.userId());
        auditLog.recordAdminChange(me.workspaceId(), me.userId(), "webhook.set", "", before, WebhookTarget.describe(uri.toString()));
        return "Generation logs will be sent to " + WebhookTarget.describe(uri.toString());
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public String clear() {
        Member me = access.requireAdmin();
        Optional<String> before = webhooks.find(me.workspaceId()).map(w -> WebhookTarget.describe(w.getUrl()));
        if (before.isEmpty() || !webhooks.delete(me.workspaceId())) {
            return "No webhook is configured.";
        }
        auditLog.recordAdminChange(me.workspaceId(), me.userId(), "webhook.cleared", "", before.get(), "not set");
        return "Generation logging disabled. The audit log stays on.";
    }

    /**
     * Sends one test message to the stored URL (a single attempt) and completes with a sentence for the admin. The
     * outcome is recorded like any delivery. Call it from the UI without blocking: it may take a few seconds.
     */
    @RolesAllowed("ADMIN")
    public CompletableFuture<Notice> test() {
        Member me = access.requireAdmin();
        Optional<String> url = webhooks.find(me.workspaceId()).map(w -> w.getUrl());
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(Notice.info("No webhook is configured."));
        }
        String body = WebhookNotifier.test(me.displayName(), app.publicUrl()).json(json);
        return delivery.send(me.workspaceId(), url.get(), body, 1)
                .thenApply(result -> result.delivered() ? Notice.success("Test message delivered.")
                        : Notice.error("Test message failed: " + result.error()));
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
