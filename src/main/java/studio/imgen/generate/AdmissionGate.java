package studio.imgen.generate;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;

/**
 * Lets a bounded number of submissions be checked and admitted at once, so a burst waits here, holding no database
 * connection, instead of in the connection pool; a submission that gets no turn within the configured wait is refused
 * as busy at once. A pool timeout inside a submission is answered the same way: the charge and the job row are one
 * transaction, and what follows its commit never fails the submission, so a timeout means nothing was charged.
 */
@Component
class AdmissionGate {

    static final String BUSY = "Busy: many images are being requested right now, and nothing was charged."
            + " Try again in a moment.";

    private final Semaphore turns;
    private final long waitNanos;

    AdmissionGate(GenerationProperties properties) {
        this.turns = new Semaphore(properties.admissionsAtOnce(), true);
        this.waitNanos = properties.admissionWait().toNanos();
    }

    <T> T admit(Supplier<T> submission) {
        if (!turn()) {
            throw new UserInputException(BUSY);
        }
        try {
            return submission.get();
        } catch (RuntimeException e) {
            if (poolTimedOut(e)) {
                throw new UserInputException(BUSY);
            }
            throw e;
        } finally {
            turns.release();
        }
    }

    private boolean turn() {
        try {
            return turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
