package studio.imgen.thread;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import studio.imgen.base.EditPrecheck;

/** "Edit this image" asks the thread service, which runs Generate's checks in the server's order. */
@Component
class ThreadEditPrecheck implements EditPrecheck {

    private final ThreadService threads;

    ThreadEditPrecheck(ThreadService threads) {
        this.threads = threads;
    }

    @Override
    public Optional<Refusal> whyNotEdit(UUID imageId) {
        return threads.whyNotEdit(imageId).map(b -> new Refusal(b.message(), b.until()));
    }
}
