package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageStore} promises, run against each implementation: local disk and S3. Each test gets a
 * fresh, empty store.
 */
abstract class ImageStoreContractTest {

    static final UUID WS = UUID.randomUUID();

    /** A fresh, empty store. */
    abstract ImageStore store();

    /** A store whose writes fail (a broken disk, a missing bucket…). */
    abstract ImageStore failingStore();

    /** Puts a file under a name the store would never write itself ({@code <dir>/<name>}). */
    abstract void plantForeign(ImageStore store, String name);

    static StorageKey key(ImageFormat format) {
        return StorageKey.original(WS, UUID.randomUUID(), format);
    }

    static byte[] read(ImageStore store, StorageKey key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    @Test
    void putThenGetSizeExistsAndDelete() throws IOException {
        ImageStore store = store();
        StorageKey key = key(ImageFormat.PNG);
        byte[] bytes = Fixtures.png(40, 30);

        assertThat(store.exists(key)).isFalse();
        store.put(key, bytes);

        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).isEqualTo(bytes.length);
        assertThat(read(store, key)).isEqualTo(bytes);

        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        store.delete(key); // deleting twice is not an error
    }

    @Test
    void putReplacesWhatWasStored() throws IOException {
        ImageStore store = store();
        StorageKey key = key(ImageFormat.JPEG);
        store.put(key, new byte[] {1, 2, 3});
        store.put(key, new byte[] {4, 5});

        assertThat(read(store, key)).containsExactly(4, 5);
    }

    @Test
    void missingFilesGiveTheTypedException() {
        ImageStore store = store();
        StorageKey key = key(ImageFormat.WEBP);

        assertThatThrownBy(() -> store.open(key)).isInstanceOf(StoredFileNotFoundException.class);
        assertThatThrownBy(() -> store.size(key)).isInstanceOf(StoredFileNotFoundException.class);
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void thumbnailsAreStoredAsJpegBesideTheirOriginal() throws IOException {
        ImageStore store = store();
        StorageKey original = key(ImageFormat.PNG);
        StorageKey thumbnail = StorageKey.thumbnail(WS, original.imageId());
        byte[] png = Fixtures.png(1200, 600);
        store.put(original, png);
        store.put(thumbnail, new Thumbnails(40_000_000).thumbnail(png));

        var image = ImageIO.read(new ByteArrayInputStream(read(store, thumbnail)));
        assertThat(image.getWidth()).isEqualTo(Thumbnails.MAX_SIDE);
        assertThat(image.getHeight()).isEqualTo(Thumbnails.MAX_SIDE / 2);
        assertThat(read(store, original)).isEqualTo(png);
    }

    @Test
    void listShowsStoredFilesWithSizeAndTimeAndSkipsForeignNames() {
        ImageStore store = store();
        StorageKey original = key(ImageFormat.PNG);
        StorageKey thumbnail = StorageKey.thumbnail(WS, original.imageId());
        Instant before = Instant.now().minusSeconds(5);
        store.put(original, new byte[10]);
        store.put(thumbnail, new byte[3]);
        plantForeign(store, WS + "/notes.txt");

        List<StoredFile> files;
        try (Stream<StoredFile> listed = store.list()) {
            files = listed.toList();
        }

        assertThat(files).extracting(StoredFile::key).containsExactlyInAnyOrder(original, thumbnail);
        assertThat(files).extracting(StoredFile::size).containsExactlyInAnyOrder(10L, 3L);
        assertThat(files).allSatisfy(f -> assertThat(f.lastModified()).isAfter(before)
                .isBefore(Instant.now().plusSeconds(5)));
    }

    @Test
    void aFailedPutThrowsAndLeavesNothing() {
        ImageStore failing = failingStore();
        StorageKey key = key(ImageFormat.PNG);

        assertThatThrownBy(() -> failing.put(key, new byte[100])).isInstanceOf(StorageException.class)
                .hasMessageContaining(key.toString());
        assertThat(existsQuietly(failing, key)).isFalse();
    }

    private static boolean existsQuietly(ImageStore store, StorageKey key) {
        try {
            return store.exists(key);
        } catch (StorageException e) {
            return false; // the store is broken as a whole (no bucket): certainly nothing stored
        }
    }

    @Test
    void refusesNegativeSpaceRequests() {
        assertThatThrownBy(() -> store().ensureSpaceFor(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
