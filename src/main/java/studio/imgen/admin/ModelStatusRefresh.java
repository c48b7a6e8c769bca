package studio.imgen.admin;

import studio.imgen.workspace.AdminActionPerformed;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.catalog.AnnouncedModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.openai.ListedModel;
import studio.imgen.openai.OpenAiGateway;

/**
 * Reads which models a workspace's key can use ({@code GET /v1/models}) and stores it with the shutdown dates OpenAI
 * announces; a changed date is audited as a change nobody made by hand. The call is made outside any transaction.
 */
@Component
class ModelStatusRefresh {

    private final ApiKeyVault vault;
    private final OpenAiGateway gateway;
    private final ModelAvailability availability;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ModelStatusRefresh(ApiKeyVault vault, OpenAiGateway gateway, ModelAvailability availability,
                       ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.vault = vault;
        this.gateway = gateway;
        this.availability = availability;
        this.events = events;
        this.transaction = transaction;
    }

    /** Reads the list with the workspace's key, if it has one; failures are the gateway's typed exceptions. */
    void refresh(UUID workspaceId) {
        Optional<String> key = vault.decrypt(workspaceId);
        if (key.isPresent()) {
            record(workspaceId, gateway.listModels(key.get()));
        }
    }

    void record(UUID workspaceId, List<ListedModel> listed) {
        transaction.executeWithoutResult(status -> availability.record(workspaceId, listed.stream()
                        .map(m -> new AnnouncedModel(m.id(), m.shutdownDate())).toList())
                .forEach(change -> events.publishEvent(AdminActionPerformed.system(workspaceId,
                        "model.shutdown_date_changed", change.modelId(), day(change.before()), day(change.after())))));
    }

    private static String day(LocalDate date) {
        return date == null ? "no shutdown date" : "shuts down on " + date;
    }
}
