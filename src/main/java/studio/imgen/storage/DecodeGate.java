package studio.imgen.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
        lock.lock();
        try {
            finalsWaiting++;
            try {
                while (inUse >= permits) {
                    finalTurn.await();
                }
            } catch (InterruptedException e) {
                finalsWaiting--;
                passOnTurn();
                throw e;
            }
            finalsWaiting--;
            inUse++;
            passOnTurn();
        } finally {
            lock.unlock();
        }
    }

    void acquirePreview() throws InterruptedException {
        lock.lock();
        try {
            previewsWaiting++;
            try {
                while (inUse >= previewPermits() || finalsWaiting > 0) {
                    previewTurn.await();
                }
            } catch (InterruptedException e) {
                previewsWaiting--;
                passOnTurn();
                throw e;
            }
            previewsWaiting--;
            inUse++;
            passOnTurn();
        } finally {
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
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return Math.max(0, permits - inUse);
        } finally {
            lock.unlock();
        }
    }

    int previewsWaiting() {
        lock.lock();
        try {
            return previewsWaiting;
        } finally {
            lock.unlock();
        }
    }

    int finalsWaiting() {
        lock.lock();
        try {
            return finalsWaiting;
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
