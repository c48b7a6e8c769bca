package studio.imgen.base;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler of the {@code @Scheduled} tasks. With virtual threads on, Boot's default runs every fixed-delay task on
 * one scheduler thread, so a slow maintenance pass (retention deleting files on S3, the model check calling OpenAI for
 * each workspace) would hold up the generation heartbeat until running jobs lose their lease, and their results with
 * it. A thread per task keeps the heartbeat and the poll on time whatever the maintenance does.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfig {

    /** At least one per {@code @Scheduled} method (six today: poll, heartbeat, previews, retention, cleaner, models). */
    static final int THREADS = 8;

    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.poolSize(THREADS).threadNamePrefix("scheduled-").build();
    }
}
