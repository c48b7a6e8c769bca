package studio.imgen.openai;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the retry policy waits between attempts; tests inject one that records waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
