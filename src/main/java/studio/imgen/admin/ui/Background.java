package studio.imgen.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a slow admin call (the key test waits up to 20 s for OpenAI) off the UI thread, so it never holds the
 * session lock, and applies the answer through push. Each call waits on its own virtual thread; the bounds are
 * small because admins test keys rarely: two calls at once, up to ten accepted in all.
 */
final class Background {

    private static final ExecutorService THREADS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("admin-background-", 1).factory());
    private static final Semaphore ACCEPTED = new Semaphore(10);
    private static final Semaphore RUNNING = new Semaphore(2);

    private Background() {
    }

    /**
     * Calls {@code work} with the caller's security context on a virtual thread, then {@code done} with its result on
     * the UI. {@code work} must turn its own failures into a result. Returns false when ten calls are waiting (nothing
     * was started).
     */
    static <T> boolean run(UI ui, Supplier<T> work, Consumer<T> done) {
        if (!ACCEPTED.tryAcquire()) {
            return false;
        }
        Runnable task = DelegatingSecurityContextRunnable.create(() -> {
            try {
                RUNNING.acquireUninterruptibly();
                T result;
                try {
                    result = work.get();
                } finally {
                    RUNNING.release();
                }
                ui.access(() -> done.accept(result));
            } catch (UIDetachedException gone) {
                // The admin left the page; nobody is waiting for the answer.
            } finally {
                ACCEPTED.release();
            }
        }, SecurityContextHolder.getContext());
        THREADS.execute(task);
        return true;
    }
}
