package studio.imgen.generate;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The previews of one running job, turned into thumbnails off the thread that reads OpenAI's stream, so reading
 * never waits for a decode and the final image is read as soon as it arrives. Only the newest preview is kept: one
 * that a newer preview or the end of the stream ({@link #close()}) overtook before its decode began is dropped without
 * being decoded, and nothing is published after the close, so a preview never follows its job's result.
 */
final class LatestPreview {

    private static final Logger log = LoggerFactory.getLogger(LatestPreview.class);

    /** Makes the thumbnail of preview bytes, or nothing when the check, asked once a decode slot is free, says no. */
    @FunctionalInterface
    interface Maker {
        Optional<byte[]> thumbnail(byte[] imageBytes, BooleanSupplier stillWanted);
    }

    private record Pending(int index, byte[] bytes) {
    }

    private final UUID generationId;
    private final Maker maker;
    private final Consumer<GenerationEvent.Preview> show;
    private final Consumer<GenerationEvent.Preview> share;
    private final Executor executor;
    private Pending pending;
    private boolean decoding;
    private boolean closed;

    /**
     * @param show tells the views here, under the lock that orders it before the close
     * @param share stores it for other instances, outside that lock (a database write must not hold up the stream)
     */
    LatestPreview(UUID generationId, Maker maker, Consumer<GenerationEvent.Preview> show,
                  Consumer<GenerationEvent.Preview> share, Executor executor) {
        this.generationId = generationId;
        this.maker = maker;
        this.show = show;
        this.share = share;
        this.executor = executor;
    }

    /** Called on the stream's thread; returns at once. */
    synchronized void offer(int index, byte[] imageBytes) {
        if (closed) {
            return;
        }
        pending = new Pending(index, imageBytes);
        if (!decoding) {
            decoding = true;
            executor.execute(this::decodeWhilePending);
        }
    }

    /** The stream ended (with the final image or without): previews not yet decoded or published are dropped. */
    synchronized void close() {
        closed = true;
        pending = null;
    }

    private void decodeWhilePending() {
        Pending next;
        while ((next = take()) != null) {
            Pending current = next;
            try {
                maker.thumbnail(current.bytes(), this::isNewest)
                        .map(jpeg -> new GenerationEvent.Preview(generationId, current.index(), jpeg))
                        .filter(this::showIfNewest)
                        .ifPresent(share);
            } catch (RuntimeException e) {
                // A preview that cannot be shown costs only the preview; the job goes on.
                log.debug("Preview {} of generation {} not shown: {}", current.index(), generationId, e.getMessage());
            }
        }
    }

    private synchronized Pending take() {
        Pending next = pending;
        pending = null;
        if (next == null || closed) {
            decoding = false;
            return null;
        }
        return next;
    }

    /** Nothing newer has arrived since the preview being decoded was taken, and the stream has not ended. */
    private synchronized boolean isNewest() {
        return !closed && pending == null;
    }

    /** Shown under the lock that {@link #close()} takes, so a preview is either out before the close or never. */
    private synchronized boolean showIfNewest(GenerationEvent.Preview preview) {
        if (!isNewest()) {
            return false;
        }
        show.accept(preview);
        return true;
    }
}
