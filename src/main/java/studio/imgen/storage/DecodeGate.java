package studio.imgen.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * Bounds how many images are decoded at once (decodes are CPU-bound and each holds a full raster), with the final
 * images first: a waiting final is always served before a waiting preview, and previews together never take the last
 * permit when there are two or more, so a final arriving during a burst of previews waits at most for another final.
 * The number of permits can change while in use (it follows {@code app.storage.decode-permits}).
 */
final class DecodeGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finalTurn = lock.newCondition();
    private final Condition previewTurn = lock.newCondition();
    private int permits;
    private int inUse;
    private int finalsWaiting;
    private int previewsWaiting;

    DecodeGate(int permits) {
        this.permits = requirePositive(permits);
    }

    void acquireFinal() throws InterruptedException {
        acquire(false);
    }

    void acquirePreview() throws InterruptedException {
        acquire(true);
    }

    private void acquire(boolean preview) throws InterruptedException {
        lock.lock();
        try {
            if (preview) {
                previewsWaiting++;
            } else {
                finalsWaiting++;
            }
            try {
                while (preview ? inUse >= previewPermits() || finalsWaiting > 0 : inUse >= permits) {
                    (preview ? previewTurn : finalTurn).await();
                }
            } finally {
                if (preview) {
                    previewsWaiting--;
                } else {
                    finalsWaiting--;
                }
            }
            inUse++;
        } finally {
            // Woken or given up, the turn goes on to the next waiter there is room for.
            passOnTurn();
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            inUse--;
            passOnTurn();
        } finally {
            lock.unlock();
        }
    }

    void resize(int newPermits) {
        lock.lock();
        try {
            permits = requirePositive(newPermits);
            finalTurn.signalAll();
            previewTurn.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int permits() {
        return read(() -> permits);
    }

    int available() {
        return read(() -> Math.max(0, permits - inUse));
    }

    int previewsWaiting() {
        return read(() -> previewsWaiting);
    }

    int finalsWaiting() {
        return read(() -> finalsWaiting);
    }

    private int read(IntSupplier value) {
        lock.lock();
        try {
            return value.getAsInt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes one waiter if there is room for it, a final before any preview (a burst may park hundreds of previews,
     * so not all of them); called after every change, so each woken waiter passes the turn on.
     */
    private void passOnTurn() {
        if (finalsWaiting > 0 && inUse < permits) {
            finalTurn.signal();
        } else if (finalsWaiting == 0 && previewsWaiting > 0 && inUse < previewPermits()) {
            previewTurn.signal();
        }
    }

    private int previewPermits() {
        return permits > 1 ? permits - 1 : 1;
    }

    private static int requirePositive(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("At least one decode permit is needed, not " + permits);
        }
        return permits;
    }
}
