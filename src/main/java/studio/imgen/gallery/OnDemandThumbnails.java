package studio.imgen.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;
import studio.imgen.generate.ImageFile;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.StoredFileNotFoundException;
import studio.imgen.storage.Thumbnails;

/**
 * Makes a missing thumbnail from its original when it is first asked for, so storing a result need not wait for its
 * thumbnail, and a thumbnail lost from storage comes back by itself. Concurrent requests for the same image share one
 * decode; the decodes of different images are bounded by the codec's permits, so a burst queues instead of thrashing.
 */
@Component
class OnDemandThumbnails {

    private final ImageStore store;
    private final Thumbnails thumbnails;
    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> making = new ConcurrentHashMap<>();

    OnDemandThumbnails(ImageStore store, Thumbnails thumbnails) {
        this.store = store;
        this.thumbnails = thumbnails;
    }

    /**
     * The key of the image's thumbnail, made now if it is not stored yet.
     *
     * @throws StoredFileNotFoundException when neither the thumbnail nor a readable original exists
     */
    StorageKey ensure(ImageFile image) {
        StorageKey key = StorageKey.thumbnail(image.workspaceId(), image.id());
        if (store.exists(key)) {
            return key;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = making.putIfAbsent(image.id(), mine);
        if (running != null) {
            await(running);
            return key;
        }
        try {
            if (!store.exists(key)) {
                store.put(key, thumbnails.thumbnail(original(image)));
            }
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(image.id(), mine);
        }
        return key;
    }

    private byte[] original(ImageFile image) {
        StorageKey key = StorageKey.original(image.workspaceId(), image.id(), image.format());
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CompletableFuture<Void> running) {
        try {
            running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
