package studio.imgen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image files on local disk as {@code <root>/<workspaceId>/<file>}. The root must lie outside any web root; bytes
 * are served only by access-checked endpoints.
 */
public class LocalImageStore implements ImageStore {

    static final String TEMP_PREFIX = ".tmp-";
    static final String TEMP_SUFFIX = ".part";

    private static final Logger log = LoggerFactory.getLogger(LocalImageStore.class);

    private final Path root;
    private final StorageReserve reserve;
    private final Clock clock;
    private final TempFileWriter writer;

    public LocalImageStore(Path root, StorageReserve reserve, Clock clock) {
        this(root, reserve, clock, TempFileWriter.DIRECT);
    }

    LocalImageStore(Path root, StorageReserve reserve, Clock clock, TempFileWriter writer) {
        this.reserve = Objects.requireNonNull(reserve, "reserve");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
        try {
            // The real path, so the "stays below root" check compares like with like even if root is a symlink.
            this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new StorageException("Cannot create the image directory " + root, e);
        }
    }

    @Override
    public void put(StorageKey key, byte[] bytes) {
        Path target = resolve(key);
        Path directory = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // In the target directory, so the final move is a rename within one file system and can be atomic.
            temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.write(channel, bytes);
                // Ages (orphan grace, stale temp files) are judged by the application clock: the file carries its time.
                Files.setLastModifiedTime(temp, FileTime.from(clock.instant()));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectory(directory);
        } catch (IOException e) {
            if (isOutOfSpace(e)) {
                throw new StorageFullException("Storage is full: the image could not be saved.", e);
            }
            throw new StorageException("Could not write " + key, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new StoredFileNotFoundException(key, e);
        } catch (IOException e) {
            throw new StorageException("Could not read " + key, e);
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public long size(StorageKey key) {
        try {
            return Files.size(resolve(key));
        } catch (NoSuchFileException e) {
            throw new StoredFileNotFoundException(key, e);
        } catch (IOException e) {
            throw new StorageException("Could not read the size of " + key, e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        try {
            // Workspace directories stay: removing one could race with a put that is about to write into it.
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new StorageException("Could not delete " + key, e);
        }
    }

    @Override
    public Stream<StoredFile> list() {
        try {
            return Files.find(root, 2, (path, attributes) -> attributes.isRegularFile())
                    .flatMap(path -> storedFile(path).stream());
        } catch (IOException e) {
            throw new StorageException("Could not list " + root, e);
        }
    }

    private Optional<StoredFile> storedFile(Path path) {
        String relative = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        return StorageKey.parse(relative).flatMap(key -> {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return Optional.of(new StoredFile(key, attributes.lastModifiedTime().toInstant(), attributes.size()));
            } catch (NoSuchFileException e) {
                return Optional.empty(); // deleted while listing
            } catch (IOException e) {
                throw new StorageException("Could not read the attributes of " + key, e);
            }
        });
    }

    @Override
    public long usableBytes() {
        try {
            return fileStore().getUsableSpace();
        } catch (IOException e) {
            throw new StorageException("Could not read the free space of " + root, e);
        }
    }

    @Override
    public void ensureSpaceFor(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        try {
            FileStore store = fileStore();
            if (store.getUsableSpace() - bytes < reserve.bytesFor(store.getTotalSpace())) {
                throw new StorageFullException(
                        "Storage is nearly full, so no new images can be added. Ask an administrator to free space.");
            }
        } catch (IOException e) {
            throw new StorageException("Could not read the free space of " + root, e);
        }
    }

    @Override
    public int deleteStaleTempFiles(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        AtomicInteger deleted = new AtomicInteger();
        try (Stream<Path> stale = Files.find(root, 2, (path, attributes) -> attributes.isRegularFile()
                && isTempName(path.getFileName().toString())
                && attributes.lastModifiedTime().toInstant().isBefore(cutoff))) {
            stale.forEach(path -> {
                if (deleteQuietly(path)) {
                    deleted.incrementAndGet();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("Could not clean temporary files in " + root, e);
        }
        return deleted.get();
    }

    @Override
    public String describe() {
        return "local disk at " + root;
    }

    Path root() {
        return root;
    }

    private Path resolve(StorageKey key) {
        return resolveInside(root, key.value());
    }

    /** Defence in depth: keys are built from UUIDs, and still no resolved path may leave the root. */
    static Path resolveInside(Path root, String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new StorageException("Refusing a path outside the image directory");
        }
        return path;
    }

    static boolean isTempName(String fileName) {
        return fileName.startsWith(TEMP_PREFIX) && fileName.endsWith(TEMP_SUFFIX);
    }

    private FileStore fileStore() throws IOException {
        return Files.getFileStore(root);
    }

    /** Makes the rename itself durable. Some platforms cannot open a directory; the write is still atomic there. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Could not sync directory {}", directory, e);
        }
    }

    private static boolean deleteQuietly(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}", path, e);
            return false;
        }
    }

    /** ENOSPC and EDQUOT surface only as message text in Java's IOException. */
    static boolean isOutOfSpace(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left")
                    || message.contains("disk quota exceeded")
                    || message.contains("not enough space")) {
                return true;
            }
        }
        return false;
    }
}
