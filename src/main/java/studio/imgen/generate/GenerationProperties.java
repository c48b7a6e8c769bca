package studio.imgen.generate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Worker and admission limits.
 *
 * @param workers concurrent upstream calls per instance (tune to OpenAI's images-per-minute limit, not to CPUs); a
 *                permit count, not a pool size: each running job waits on its own virtual thread
 * @param lease how long a claimed job is ours without a heartbeat
 * @param pollInterval how often an instance looks for queued jobs (jobs submitted here start at once)
 * @param maxActivePerUser queued + running jobs one member may have in a workspace
 * @param maxActivePerWorkspace queued + running jobs of one workspace
 * @param partialImages streamed previews per generation (0 to 3)
 * @param breakerFailures consecutive 5xx/timeout/connection failures of a workspace that open its circuit breaker
 * @param breakerOpenFor how long an open breaker fails the workspace's jobs fast before one trial request
 * @param admissionsAtOnce submissions checked and admitted at the same time; each needs database connections, so
 *                         keep it well under the pool size (the rest of the pool serves pages and the workers)
 * @param admissionWait the longest a submission waits for its turn before it is refused as busy; one that could not
 *                      get a turn within it at the recent pace is refused at once
 */
@ConfigurationProperties(prefix = "app.generation")
public record GenerationProperties(Integer workers, Duration lease, Duration pollInterval, Integer maxActivePerUser,
                                   Integer maxActivePerWorkspace, Integer partialImages, Integer breakerFailures,
                                   Duration breakerOpenFor, Integer admissionsAtOnce, Duration admissionWait) {

    public GenerationProperties {
        workers = workers == null ? 4 : workers;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        maxActivePerUser = maxActivePerUser == null ? 4 : maxActivePerUser;
        maxActivePerWorkspace = maxActivePerWorkspace == null ? 20 : maxActivePerWorkspace;
        partialImages = partialImages == null ? 2 : partialImages;
        breakerFailures = breakerFailures == null ? 5 : breakerFailures;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofMinutes(1) : breakerOpenFor;
        admissionsAtOnce = admissionsAtOnce == null ? 4 : admissionsAtOnce;
        admissionWait = admissionWait == null ? Duration.ofMillis(500) : admissionWait;
    }
}
