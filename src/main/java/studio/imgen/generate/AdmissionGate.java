package studio.imgen.generate;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;

/**
 * Lets a bounded number of submissions be checked and admitted at once, so a burst waits here, holding no database
 * connection, instead of in the connection pool. A submission that would not get a turn within the configured wait is
 * refused as busy: at once when the queue ahead of it is longer than the turns the wait holds (judged from how long
 * recent submissions kept theirs), else when the wait runs out. Refusing the excess at once keeps the gate busy with
 * the members who click again instead of idle while everyone waits out a wait they could never win. A pool timeout
 * inside a submission is answered the same way: the charge and the job row are one transaction, and what follows its
 * commit never fails the submission, so a timeout means nothing was charged.
 */
@Component
class AdmissionGate {

    static final String BUSY = "Busy: many images are being requested right now, and nothing was charged."
            + " Try again in a moment.";

    private final Semaphore turns;
    private final int permits;
    private final long waitNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger waiting = new AtomicInteger();
    /** How long a submission keeps its turn, a moving average; 0 until the first one has finished. */
    private volatile long turnNanos;

    @Autowired
    AdmissionGate(GenerationProperties properties) {
        this(properties, System::nanoTime);
    }

    AdmissionGate(GenerationProperties properties, LongSupplier nanoTime) {
        this.permits = properties.admissionsAtOnce();
        this.turns = new Semaphore(permits, true);
        this.waitNanos = properties.admissionWait().toNanos();
        this.nanoTime = nanoTime;
    }

    <T> T admit(Supplier<T> submission) {
        if (!turn()) {
            throw new UserInputException(BUSY);
        }
        long started = nanoTime.getAsLong();
        try {
            return submission.get();
        } catch (RuntimeException e) {
            if (poolTimedOut(e)) {
                throw new UserInputException(BUSY);
            }
            throw e;
        } finally {
            turns.release();
            remember(nanoTime.getAsLong() - started);
        }
    }

    /** Submissions waiting for a turn now. */
    int waiting() {
        return waiting.get();
    }

    private boolean turn() {
        int ahead = waiting.incrementAndGet();
        try {
            if (ahead > turnsWithinWait()) {
                return false;
            }
            return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many waiting submissions get a turn within the wait, at the recent pace; the permits at least. */
    private long turnsWithinWait() {
        long turn = turnNanos;
        return turn == 0 ? Long.MAX_VALUE : Math.max(permits, permits * (waitNanos / turn));
    }

    /** A moving average over about the last eight turns; a lost update between two threads changes nothing that matters. */
    private void remember(long nanos) {
        long turn = turnNanos;
        turnNanos = turn == 0 ? Math.max(1, nanos) : Math.max(1, turn + (nanos - turn) / 8);
    }

    private static boolean poolTimedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }
}
