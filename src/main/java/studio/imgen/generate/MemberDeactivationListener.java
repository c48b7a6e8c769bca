package studio.imgen.generate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import studio.imgen.workspace.MemberDeactivated;

/**
 * A deactivated member's running generations stop being waited for at once (admin has already flagged them
 * cancelled in the table); without this they would end only when their upstream call returns.
 */
@Component
class MemberDeactivationListener {

    private final GenerationWorker worker;
    private final GenerationJobs jobs;

    MemberDeactivationListener(GenerationWorker worker, GenerationJobs jobs) {
        this.worker = worker;
        this.jobs = jobs;
    }

    @EventListener
    void onDeactivated(MemberDeactivated event) {
        jobs.runningOf(event.workspaceId(), event.userId()).forEach(worker::interrupt);
    }
}
