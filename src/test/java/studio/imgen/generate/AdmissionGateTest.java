package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
