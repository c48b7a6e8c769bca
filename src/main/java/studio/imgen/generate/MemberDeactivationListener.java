package studio.imgen.generate;

import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import studio.imgen.workspace.MemberDeactivated;
import studio.imgen.workspace.MemberWork;

/**
 * A deactivated member's generations: inside the deactivation, their queued jobs are cancelled and running ones
 * flagged (this module owns the generation table, so the workspace module asks it through {@link MemberWork});
 * once {@link MemberDeactivated} is published, their running jobs stop being waited for at once, instead of ending
 * only when their upstream call returns.
 */
@Component
class MemberDeactivationListener implements MemberWork {

    private final GenerationWorker worker;
    private final GenerationRepository jobs;

    MemberDeactivationListener(GenerationWorker worker, GenerationRepository jobs) {
        this.worker = worker;
        this.jobs = jobs;
    }

    @Override
    public int stopWorkOf(UUID userId, Set<UUID> workspaceIds) {
        return workspaceIds.isEmpty() ? 0 : jobs.cancelAllOf(userId, workspaceIds);
    }

    @EventListener
    void onDeactivated(MemberDeactivated event) {
        jobs.runningOf(event.workspaceId(), event.userId()).forEach(worker::interrupt);
    }
}
