package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.RequestOptions;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The policy alone, with attempts that fail on demand: no HTTP involved. */
class RetryPolicyTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<Duration> attemptTimeouts = new CopyOnWriteArrayList<>();

    private RetryPolicy policy(int maxAttempts, Duration timeout, Duration deadline, double random) {
        return new RetryPolicy(new OpenAiProperties("http://127.0.0.1:9/v1", timeout, Duration.ofSeconds(10),
                maxAttempts, Duration.ofSeconds(1), deadline), sleeper, sleeper, () -> random);
    }

    /** Fails {@code failures} times with a connection failure before sending, then answers. */
    private RetryPolicy.Attempt<String> refusedTimes(int failures) {
        return (RequestOptions options) -> {
            attemptTimeouts.add(options.getTimeout().request());
            if (attemptTimeouts.size() <= failures) {
                throw new ConnectException("Connection refused");
            }
            return "ok";
        };
    }

    @Test
    void backoffDoublesWithJitterBetweenHalfAndFull() {
        RetryPolicy lowJitter = policy(4, Duration.ofMinutes(5), Duration.ofMinutes(10), 0.0);

        assertThat(lowJitter.run(refusedTimes(3), ProgressListener.NONE, Redactor.forKey("k"))).isEqualTo("ok");

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void attemptsNeverOutliveTheDeadline() {
        RetryPolicy policy = policy(3, Duration.ofMinutes(5), Duration.ofSeconds(62), 1.0);

        policy.run(refusedTimes(2), ProgressListener.NONE, Redactor.forKey("k"));

        // Waits of 1 s and 2 s leave 61 s, then 59 s, of the 62 s deadline.
        assertThat(attemptTimeouts).containsExactly(Duration.ofSeconds(62), Duration.ofSeconds(61),
                Duration.ofSeconds(59));
    }

    @Test
    void aTighterAttemptLimitApplies() {
        RetryPolicy policy = policy(3, Duration.ofMinutes(5), Duration.ofMinutes(10), 1.0);

        policy.run(refusedTimes(0), ProgressListener.NONE, Redactor.forKey("k"), Duration.ofSeconds(20));

        assertThat(attemptTimeouts).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void backoffBeyondTheDeadlineEndsTheCall() {
        RetryPolicy policy = policy(5, Duration.ofMinutes(5), Duration.ofMillis(1500), 1.0);

        assertThatThrownBy(() -> policy.run(refusedTimes(5), ProgressListener.NONE, Redactor.forKey("k")))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.requestMayHaveBeenSent()).isFalse();
                });
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void programmingErrorsPassThroughUntouched() {
        RetryPolicy policy = policy(3, Duration.ofMinutes(5), Duration.ofMinutes(10), 1.0);
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> policy.run(options -> {
            throw bug;
        }, ProgressListener.NONE, Redactor.forKey("k"))).isSameAs(bug);
        assertThat(sleeper.waits()).isEmpty();
    }
}
