package studio.imgen.generate;

/**
 * Lets a cancel interrupt a job's virtual thread only while the job waits on OpenAI. Interrupting a virtual thread
 * closes the socket it is reading, which is how the wait ends at once; the job's database and storage calls must
 * never see such an interrupt, so it is cleared whenever the job leaves the upstream call, and the cancel itself
 * is remembered here.
 */
final class UpstreamWait {
    private Thread waiting;
    private boolean cancelled;

    /** The job's thread now waits on the upstream call; a cancel that came earlier interrupts it at once. */
    synchronized void enter() {
        waiting = Thread.currentThread();
        if (cancelled) {
            waiting.interrupt();
        }
    }

    /** Back to the job's own work: an interrupt meant for the call must not break its next database call. */
    synchronized void leave() {
        waiting = null;
        Thread.interrupted();
    }

    synchronized void cancel() {
        cancelled = true;
        if (waiting != null) {
            waiting.interrupt();
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
