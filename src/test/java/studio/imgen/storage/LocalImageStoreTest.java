package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageStoreTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final UUID WS = UUID.randomUUID();

    @TempDir
    Path dir;

    private LocalImageStore store() {
        return new LocalImageStore(dir.resolve("images"), StorageReserve.none(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static StorageKey key() {
        return StorageKey.original(WS, UUID.randomUUID(), ImageFormat.PNG);
    }

    @Test
    void putOpenExistsSizeDelete() throws IOException {
        LocalImageStore store = store();
        StorageKey key = key();
        byte[] bytes = "image bytes".getBytes(StandardCharsets.UTF_8);

        assertThat(store.exists(key)).isFalse();
        store.put(key, bytes);

        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).isEqualTo(bytes.length);
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(dir.resolve("images").resolve(WS.toString()).resolve(key.fileName())).exists();

        store.delete(key);
        store.delete(key); // idempotent
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void putReplacesAnExistingFile() throws IOException {
        LocalImageStore store = store();
        StorageKey key = key();
        store.put(key, new byte[] {1, 2, 3});
        store.put(key, new byte[] {4});
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).containsExactly(4);
        }
    }

    @Test
    void missingFilesGiveATypedException() {
        LocalImageStore store = store();
        StorageKey key = key();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(StoredFileNotFoundException.class)
                .hasMessageContaining(key.value());
        assertThatThrownBy(() -> store.size(key)).isInstanceOf(StoredFileNotFoundException.class);
    }

    @Test
    void listReturnsStoredFilesAndSkipsForeignNames() throws IOException {
        LocalImageStore store = store();
        StorageKey png = key();
        StorageKey thumbnail = StorageKey.thumbnail(WS, png.imageId());
        store.put(png, new byte[10]);
        store.put(thumbnail, new byte[3]);
        Path wsDir = store.root().resolve(WS.toString());
        Files.write(wsDir.resolve(".tmp-123.part"), new byte[1]);
        Files.write(wsDir.resolve("notes.txt"), new byte[1]);
        Files.write(store.root().resolve("stray.png"), new byte[1]);
        Files.setLastModifiedTime(wsDir.resolve(png.fileName()), FileTime.from(NOW.minusSeconds(60)));

        List<StoredFile> files;
        try (Stream<StoredFile> listed = store.list()) {
            files = listed.toList();
        }

        assertThat(files).containsExactlyInAnyOrder(
                new StoredFile(png, NOW.minusSeconds(60), 10),
                new StoredFile(thumbnail, Files.getLastModifiedTime(wsDir.resolve(thumbnail.fileName())).toInstant(), 3));
    }

    @Test
    void failedWriteLeavesNoTempFileAndKeepsThePreviousVersion() throws IOException {
        StorageKey key = key();
        store().put(key, new byte[] {1, 2, 3});
        LocalImageStore failing = new LocalImageStore(dir.resolve("images"), StorageReserve.none(), Clock.systemUTC(),
                (channel, bytes) -> {
                    channel.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
                    throw new IOException("Input/output error");
                });

        assertThatThrownBy(() -> failing.put(key, new byte[] {7, 7, 7, 7}))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(StorageFullException.class);

        assertThat(tempFiles()).isEmpty();
        try (InputStream in = failing.open(key)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void diskFullDuringWriteIsStorageFullAndLeavesNothing() {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "needs /dev/full (Linux)");
        // The real kernel error: the writer sends the bytes to /dev/full, which always answers ENOSPC.
        LocalImageStore store = new LocalImageStore(dir.resolve("images"), StorageReserve.none(), Clock.systemUTC(),
                (channel, bytes) -> {
                    try (FileChannel full = FileChannel.open(devFull, StandardOpenOption.WRITE)) {
                        full.write(ByteBuffer.wrap(bytes));
                    }
                });
        StorageKey key = key();

        assertThatThrownBy(() -> store.put(key, new byte[4096]))
                .isInstanceOf(StorageFullException.class)
                .hasMessage("Storage is full: the image could not be saved.");

        assertThat(store.exists(key)).isFalse();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void recognisesOutOfSpaceMessages() {
        assertThat(LocalImageStore.isOutOfSpace(new IOException("No space left on device"))).isTrue();
        assertThat(LocalImageStore.isOutOfSpace(new IOException("wrapped", new IOException("Disk quota exceeded"))))
                .isTrue();
        assertThat(LocalImageStore.isOutOfSpace(new IOException("Permission denied"))).isFalse();
    }

    @Test
    void pathsCannotLeaveTheRoot() {
        Path root = store().root();
        assertThat(LocalImageStore.resolveInside(root, WS + "/x.png")).isEqualTo(root.resolve(WS + "/x.png"));
        for (String escape : List.of("../x.png", WS + "/../../x.png", "/etc/passwd", "..", ".", "")) {
            assertThatThrownBy(() -> LocalImageStore.resolveInside(root, escape))
                    .as(escape)
                    .isInstanceOf(StorageException.class);
        }
    }

    @Test
    void reserveCheckRefusesWhenTheReserveWouldBeCrossed() {
        LocalImageStore roomy = store();
        roomy.ensureSpaceFor(1_000);
        assertThat(roomy.usableBytes()).isPositive();
        assertThatThrownBy(() -> roomy.ensureSpaceFor(Long.MAX_VALUE / 2))
                .isInstanceOf(StorageFullException.class);

        LocalImageStore reserved = new LocalImageStore(dir.resolve("images"),
                new StorageReserve(Long.MAX_VALUE / 4, 0), Clock.systemUTC());
        assertThatThrownBy(() -> reserved.ensureSpaceFor(1))
                .isInstanceOf(StorageFullException.class)
                .hasMessageStartingWith("Storage is nearly full");
    }

    @Test
    void reserveIsTheLargerOfMinimumAndPercentage() {
        StorageReserve reserve = StorageReserve.defaults();
        assertThat(reserve.bytesFor(10L << 30)).isEqualTo(1L << 30); // 5 % of 10 GiB < 1 GiB
        assertThat(reserve.bytesFor(100L << 30)).isEqualTo(5L << 30); // 5 % of 100 GiB
        assertThat(StorageReserve.none().bytesFor(100L << 30)).isZero();
    }

    @Test
    void deletesOnlyStaleTempFiles() throws IOException {
        LocalImageStore store = store();
        StorageKey key = key();
        store.put(key, new byte[1]);
        Path wsDir = store.root().resolve(WS.toString());
        Path stale = Files.write(wsDir.resolve(".tmp-1.part"), new byte[1]);
        Path fresh = Files.write(wsDir.resolve(".tmp-2.part"), new byte[1]);
        Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(fresh, FileTime.from(NOW.minus(Duration.ofMinutes(5))));
        Files.setLastModifiedTime(wsDir.resolve(key.fileName()), FileTime.from(NOW.minus(Duration.ofDays(9))));

        assertThat(store.deleteStaleTempFiles(Duration.ofHours(1))).isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(store.exists(key)).isTrue();
    }

    @Test
    void describeNamesTheDirectory() {
        assertThat(store().describe()).startsWith("local disk at ").endsWith("images");
    }

    private List<Path> tempFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> LocalImageStore.isTempName(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
