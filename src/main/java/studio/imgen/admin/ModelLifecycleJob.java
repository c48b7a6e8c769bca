package studio.imgen.admin;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import studio.imgen.base.db.MaintenanceLease;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.openai.OpenAiException;
import studio.imgen.workspace.WorkspaceRegistry;

/**
 * Keeps every workspace in step with OpenAI's model lifecycle, one instance at a time: reads each key's model list
 * once a day, then moves whatever still uses a shut-down model to its replacement. Runs hourly so a shutdown date is
 * acted on within the hour after midnight UTC; the reads themselves stay daily per workspace. Until the move, members
 * already get the replacement ({@link ModelShutdowns#current}).
 */
@Component
class ModelLifecycleJob {

    static final String JOB = "model-lifecycle";
    static final Duration LIST_MAX_AGE = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(ModelLifecycleJob.class);

    private final MaintenanceLease lease;
    private final WorkspaceRegistry workspaces;
    private final ModelAvailability availability;
    private final ModelStatusRefresh refresh;
    private final ModelShutdowns shutdowns;

    ModelLifecycleJob(MaintenanceLease lease, WorkspaceRegistry workspaces, ModelAvailability availability,
                      ModelStatusRefresh refresh, ModelShutdowns shutdowns) {
        this.lease = lease;
        this.workspaces = workspaces;
        this.availability = availability;
        this.refresh = refresh;
        this.shutdowns = shutdowns;
    }

    @Scheduled(fixedDelayString = "${app.models.lifecycle-interval:1h}",
            initialDelayString = "${app.models.lifecycle-interval:1h}")
    void scheduled() {
        lease.tryClaim(JOB, Duration.ofMinutes(30)).ifPresent(token -> {
            try {
                runOnce();
            } finally {
                lease.release(JOB, token);
            }
        });
    }

    /** One pass over every workspace; one workspace's trouble does not stop the others. */
    void runOnce() {
        List<UUID> all = workspaces.ids();
        for (UUID workspace : availability.due(all, LIST_MAX_AGE)) {
            try {
                refresh.refresh(workspace);
            } catch (OpenAiException e) {
                log.info("Model list of workspace {} not read: {} {}", workspace, e.kind(), e.detail());
            } catch (RuntimeException e) {
                log.warn("Model list of workspace {} not read", workspace, e);
            }
        }
        for (UUID workspace : all) {
            try {
                int moved = shutdowns.replaceShutDown(workspace);
                if (moved > 0) {
                    log.info("Workspace {}: moved {} shut-down models to their replacements", workspace, moved);
                }
            } catch (RuntimeException e) {
                log.warn("Shut-down models of workspace {} not replaced", workspace, e);
            }
        }
    }
}
