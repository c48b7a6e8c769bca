package studio.imgen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import studio.imgen.base.AppProperties;
import studio.imgen.base.UserInputException;

/**
 * Files a member has uploaded but not yet submitted, kept on disk under {@code <data-dir>/uploads-pending} rather than
 * in the session: sixteen 25 MB references would otherwise sit in the heap until submit. Each form gets its own
 * {@link Batch}, which enforces the per-file and the total cap while the bytes arrive and is deleted when the form
 * goes away; {@link #sweep} removes what a crashed or killed instance left behind.
 */
@Component
public class PendingUploads {

    private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);

    private final Path root;
    private final Clock clock;

    @Autowired
    public PendingUploads(AppProperties app, Clock clock) {
        this(app.dataPath().resolve("uploads-pending"), clock);
    }

    PendingUploads(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** A new, empty set of pending files for one form. */
    public Batch open(long maxFileBytes, long maxTotalBytes) {
        try {
            Path dir = Files.createDirectories(root).resolve(UUID.randomUUID().toString());
            return new Batch(Files.createDirectory(dir), maxFileBytes, maxTotalBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for uploads in " + root, e);
        }
    }

    /** Deletes batches not touched for {@code olderThan} (their forms are long gone); returns how many. */
    public int sweep(Duration olderThan) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(olderThan);
        int deleted = 0;
        try (Stream<Path> batches = Files.list(root)) {
            for (Path batch : batches.toList()) {
                if (Files.getLastModifiedTime(batch).toInstant().isBefore(cutoff)) {
                    deleteTree(batch);
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep pending uploads in {}: {}", root, e.toString());
        }
        return deleted;
    }

    /** An uploaded file waiting on disk for its form's submit. */
    public record PendingFile(String displayName, Path path, long size) {

        /** The bytes, read when the form is submitted. */
        public byte[] read() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UserInputException("“" + displayName + "” is no longer available. Add it again.");
            }
        }
    }

    /** The pending files of one form, with its caps. Thread-safe: uploads arrive on request threads. */
    public static final class Batch implements AutoCloseable {

        private final Path dir;
        private final long maxFileBytes;
        private final long maxTotalBytes;
        private final List<PendingFile> files = new ArrayList<>();
        private long reservedBytes;

        private Batch(Path dir, long maxFileBytes, long maxTotalBytes) {
            this.dir = dir;
            this.maxFileBytes = maxFileBytes;
            this.maxTotalBytes = maxTotalBytes;
        }

        /**
         * Streams one upload to disk, stopping as soon as it is over the per-file cap or over what is left of the
         * total; a refused file leaves nothing behind.
         *
         * @throws UserInputException naming the file and the cap it broke
         */
        public PendingFile receive(String displayName, InputStream in) throws IOException {
            long room;
            synchronized (this) {
                room = Math.min(maxFileBytes, maxTotalBytes - reservedBytes);
            }
            Path file = dir.resolve(UUID.randomUUID() + ".upload");
            long written;
            try (OutputStream out = Files.newOutputStream(file)) {
                written = copyAtMost(in, out, room + 1);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            synchronized (this) {
                if (written > maxFileBytes) {
                    Files.deleteIfExists(file);
                    throw new UserInputException("“" + displayName + "” is larger than " + megabytes(maxFileBytes)
                            + ". Each image must be at most " + megabytes(maxFileBytes) + ".");
                }
                if (reservedBytes + written > maxTotalBytes) {
                    Files.deleteIfExists(file);
                    throw new UserInputException("“" + displayName + "” would take the images of this request over "
                            + megabytes(maxTotalBytes) + " together. Remove an image or use smaller ones.");
                }
                reservedBytes += written;
                PendingFile pending = new PendingFile(displayName, file, written);
                files.add(pending);
                return pending;
            }
        }

        public synchronized List<PendingFile> files() {
            return List.copyOf(files);
        }

        public synchronized void remove(PendingFile file) {
            if (files.remove(file)) {
                reservedBytes -= file.size();
                deleteQuietly(file.path());
            }
        }

        /** After a submit (or when the form is reset): the files are gone, the batch stays usable. */
        public synchronized void clear() {
            files.forEach(f -> deleteQuietly(f.path()));
            files.clear();
            reservedBytes = 0;
        }

        /** When the form goes away (detach, session end): deletes the batch's directory. */
        @Override
        public synchronized void close() {
            clear();
            deleteTree(dir);
        }

        private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
                out.write(buffer, 0, read);
                total += read;
            }
            return total;
        }
    }

    static String megabytes(long bytes) {
        return (bytes / 1_000_000) + " MB";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete pending upload {}: {}", path, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(PendingUploads::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not delete pending uploads in {}: {}", dir, e.toString());
        }
    }
}
