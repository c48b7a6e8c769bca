package studio.imgen.openai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Records retry waits instead of sleeping, and moves a fake clock by them so deadlines stay deterministic. */
final class RecordingSleeper implements Sleeper, LongSupplier {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
