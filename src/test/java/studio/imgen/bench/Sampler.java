package studio.imgen.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

/**
 * Samples, every 20 ms while a benchmark runs: heap in use (garbage included), live JVM threads (all, and the app's),
 * and the database
 * pool's active connections and waiting threads, each as a peak per phase ({@link #phase(String)}). GC notifications
 * add the heap left after each collection, the closest cheap figure to the live set.
 */
final class Sampler {

    /** Peaks of one phase. */
    static final class Peaks {
        final AtomicLong heapUsed = new AtomicLong();
        final AtomicLong threads = new AtomicLong();
        final AtomicLong appThreads = new AtomicLong();
        final AtomicLong poolActive = new AtomicLong();
        final AtomicLong poolPending = new AtomicLong();
        final AtomicLong heapAfterGc = new AtomicLong();
    }

    final AtomicLong heapPeak = new AtomicLong();
    final AtomicLong pendingPeak = new AtomicLong();
    final AtomicLong threadsPeak = new AtomicLong();
    final AtomicLong appThreadsPeak = new AtomicLong();
    final AtomicLong heapAfterGcPeak = new AtomicLong();
    private final Map<String, Peaks> phases = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final DataSource dataSource;
    private final LongSupplier harnessThreads;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private volatile Peaks current;
    private volatile boolean running = true;
    private Thread thread;

    Sampler(DataSource dataSource) {
        this(dataSource, () -> 0);
    }

    /** @param harnessThreads live platform threads of the benchmark's harness (not the app's), subtracted for "app threads" */
    Sampler(DataSource dataSource, LongSupplier harnessThreads) {
        this.dataSource = dataSource;
        this.harnessThreads = harnessThreads;
        phase("run");
    }

    /** From now on, peaks also count towards this phase. */
    synchronized void phase(String name) {
        current = phases.computeIfAbsent(name, n -> {
            order.add(n);
            return new Peaks();
        });
    }

    synchronized List<String> phases() {
        return List.copyOf(order);
    }

    Peaks peaks(String phase) {
        return phases.get(phase);
    }

    void start() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum()
                                - nonHeapAfter(info);
                        heapAfterGcPeak.accumulateAndGet(after, Math::max);
                        current.heapAfterGc.accumulateAndGet(after, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        thread = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            var threads = ManagementFactory.getThreadMXBean();
            while (running) {
                Peaks peaks = current;
                long heap = memory.getHeapMemoryUsage().getUsed();
                long live = threads.getThreadCount();
                heapPeak.accumulateAndGet(heap, Math::max);
                threadsPeak.accumulateAndGet(live, Math::max);
                peaks.heapUsed.accumulateAndGet(heap, Math::max);
                peaks.threads.accumulateAndGet(live, Math::max);
                long app = live - harnessThreads.getAsLong();
                appThreadsPeak.accumulateAndGet(app, Math::max);
                peaks.appThreads.accumulateAndGet(app, Math::max);
                if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
                    long pending = hikari.getHikariPoolMXBean().getThreadsAwaitingConnection();
                    pendingPeak.accumulateAndGet(pending, Math::max);
                    peaks.poolPending.accumulateAndGet(pending, Math::max);
                    peaks.poolActive.accumulateAndGet(hikari.getHikariPoolMXBean().getActiveConnections(), Math::max);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
        unsubscribe.forEach(Runnable::run);
    }

    /** Memory pools in the GC info that are not heap (code cache, metaspace are not reported by collectors, but be safe). */
    private static long nonHeapAfter(GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != java.lang.management.MemoryType.HEAP) {
                MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (usage != null) {
                    nonHeap += usage.getUsed();
                }
            }
        }
        return nonHeap;
    }
}
