package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import studio.imgen.base.UserInputException;

class AdmissionGateTest {

    private final AdmissionGate gate = new AdmissionGate(new GenerationProperties(null, null, null, null, null, null,
            null, null, 1, Duration.ofMillis(100)));

    @Test
    void aSubmissionWithoutATurnIsRefusedAsBusyWithinTheWait() throws Exception {
        CountDownLatch admitting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.admit(() -> {
            admitting.countDown();
            await(release);
            return "first";
        }));
        assertThat(admitting.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.admit(() -> "second")).isInstanceOf(UserInputException.class)
                .hasMessage(AdmissionGate.BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(gate.admit(() -> "third")).as("the turn is given back").isEqualTo("third");
    }

    @Test
    void aSubmissionThatCouldNotGetATurnWithinTheWaitIsRefusedAtOnce() throws Exception {
        AtomicLong nanos = new AtomicLong();
        AdmissionGate paced = new AdmissionGate(new GenerationProperties(null, null, null, null, null, null, null, null,
                1, Duration.ofSeconds(30)), nanos::get);
        // A turn has taken 20 s: of those waiting, only the first would get a turn within the 30 s wait.
        paced.admit(() -> nanos.addAndGet(Duration.ofSeconds(20).toNanos()));
        CountDownLatch admitting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Threads of their own: the common pool has a single thread on a two-core machine.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> paced.admit(() -> {
            admitting.countDown();
            await(release);
            return "holder";
        }), threads);
        assertThat(admitting.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> paced.admit(() -> "next"), threads);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (paced.waiting() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(paced.waiting()).as("the next one waits for its turn").isEqualTo(1);

        long refusing = System.nanoTime();
        assertThatThrownBy(() -> paced.admit(() -> "third")).isInstanceOf(UserInputException.class)
                .hasMessage(AdmissionGate.BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - refusing)).isLessThan(Duration.ofSeconds(10));
        assertThat(next).as("refused while the one ahead still waits, not after the 30 s wait").isNotDone();

        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("holder");
        assertThat(next.get(10, TimeUnit.SECONDS)).as("the waiter within the wait gets its turn").isEqualTo("next");
        threads.shutdown();
    }

    @Test
    void aPoolTimeoutIsBusyAndOtherFailuresPassThrough() {
        assertThatThrownBy(() -> gate.admit(() -> {
            throw new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timed out"));
        })).isInstanceOf(UserInputException.class).hasMessage(AdmissionGate.BUSY);
        assertThatThrownBy(() -> gate.admit(() -> {
            throw new org.jooq.exception.DataAccessException("jOOQ", new SQLTransientConnectionException("timed out"));
        })).hasMessage(AdmissionGate.BUSY);
        assertThatThrownBy(() -> gate.admit(() -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(gate.admit(() -> "after")).isEqualTo("after");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
