package studio.imgen.admin;

import studio.imgen.workspace.AdminActionPerformed;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.catalog.WorkspaceModels;

/**
 * The last check before a job goes to OpenAI, and what an upstream "model not found" teaches: for the generation
 * worker, which runs jobs admitted earlier (a shutdown date may have passed since) and has checked the job's workspace.
 */
@Component
public class ModelLifecycleGuard {

    private final ModelAvailability availability;
    private final ModelCatalog catalog;
    private final ApplicationEventPublisher events;

    ModelLifecycleGuard(ModelAvailability availability, ModelCatalog catalog, ApplicationEventPublisher events) {
        this.availability = availability;
        this.catalog = catalog;
        this.events = events;
    }

    /** Not shut down (by the catalogue's date or the one OpenAI announced) and not unknown to the workspace's key. */
    public boolean sendable(UUID workspaceId, ImageModel model) {
        return sendable(availability.of(workspaceId), model);
    }

    /** {@link #sendable(UUID, ImageModel)} from the workspace's model status as already read; today's date applies. */
    public boolean sendable(WorkspaceModels status, ImageModel model) {
        LocalDate today = catalog.today();
        return status.usable(model.id())
                && status.shutdownOf(model.id(), model.shutdownOn()).filter(d -> !today.isBefore(d)).isEmpty();
    }

    /**
     * OpenAI answered {@code model_not_found}: members of the workspace are no longer offered that model, and its
     * admins read why on the settings overview; the first report is audited.
     */
    public void notFound(UUID workspaceId, String modelId) {
        if (availability.markUnavailable(workspaceId, modelId)) {
            events.publishEvent(AdminActionPerformed.system(workspaceId, "model.unavailable", modelId, "available",
                    "OpenAI answered model_not_found with the workspace's key"));
        }
    }
}
