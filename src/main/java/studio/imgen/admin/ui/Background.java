package studio.imgen.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a slow admin call (the key test waits up to 20 s for OpenAI) off the UI thread, so it never holds the
 * session lock, and applies the answer through push. The pool is small and bounded: admins test keys rarely.
 */
final class Background {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), r -> {
                Thread t = new Thread(r, "admin-background-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private Background() {
    }

    /**
     * Calls {@code work} with the caller's security context on a pool thread, then {@code done} with its result on
     * the UI. {@code work} must turn its own failures into a result. Returns false when the pool is full (nothing
     * was started).
     */
    static <T> boolean run(UI ui, Supplier<T> work, Consumer<T> done) {
        Runnable task = DelegatingSecurityContextRunnable.create(() -> {
            T result = work.get();
            try {
                ui.access(() -> done.accept(result));
            } catch (UIDetachedException gone) {
                // The admin left the page; nobody is waiting for the answer.
            }
        }, SecurityContextHolder.getContext());
        try {
            POOL.execute(task);
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }
}
