package studio.imgen.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import studio.imgen.testsupport.IntegrationTest;

/** The app's scheduler, as the {@code @Scheduled} tasks get it: a stuck fixed-delay task holds up no other. */
@IntegrationTest
class SchedulingConfigTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void aFixedDelayTaskThatHangsDoesNotHoldUpTheOthers() throws InterruptedException {
        CountDownLatch stuckStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch heartbeats = new CountDownLatch(3);
        ScheduledFuture<?> stuck = scheduler.scheduleWithFixedDelay(() -> {
            stuckStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(10));
        try {
            assertThat(stuckStarted.await(10, TimeUnit.SECONDS)).as("the slow task is running").isTrue();
            ScheduledFuture<?> heartbeat = scheduler.scheduleWithFixedDelay(heartbeats::countDown, Duration.ofMillis(10));
            try {
                assertThat(heartbeats.await(10, TimeUnit.SECONDS)).as("another task keeps its schedule").isTrue();
            } finally {
                heartbeat.cancel(false);
            }
        } finally {
            release.countDown();
            stuck.cancel(true);
        }
    }
}
