package studio.imgen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Copies every stored file (originals and thumbnails) from one store to another, typically local disk to S3. It is
 * idempotent: a file already present with the same size and SHA-256 is skipped, anything else is (re)written and
 * read back to verify size and checksum. The source is never changed or deleted.
 */
public final class ImageMigration {

    static final int PROGRESS_EVERY = 100;

    private final ImageStore from;
    private final ImageStore to;
    private final Consumer<String> out;

    public ImageMigration(ImageStore from, ImageStore to, Consumer<String> out) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.out = Objects.requireNonNull(out, "out");
    }

    public Summary run() {
        List<StorageKey> keys;
        try (Stream<StoredFile> files = from.list()) {
            keys = files.map(StoredFile::key).toList();
        }
        out.accept("Copying " + keys.size() + " files from " + from.describe() + " to " + to.describe()
                + " (source files are kept)");
        int copied = 0;
        int skipped = 0;
        int failed = 0;
        long bytes = 0;
        for (int i = 0; i < keys.size(); i++) {
            StorageKey key = keys.get(i);
            try {
                byte[] content = read(from, key);
                String checksum = sha256(content);
                if (sameContent(key, content.length, checksum)) {
                    skipped++;
                } else {
                    to.put(key, content);
                    if (!sameContent(key, content.length, checksum)) {
                        throw new StorageException("the copy of " + key + " does not match after writing");
                    }
                    copied++;
                    bytes += content.length;
                }
            } catch (StorageException e) {
                failed++;
                out.accept("FAILED " + key + ": " + e.getMessage());
            }
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == keys.size()) {
                out.accept("[" + (i + 1) + "/" + keys.size() + "] copied " + copied + ", already there " + skipped
                        + ", failed " + failed);
            }
        }
        Summary summary = new Summary(keys.size(), copied, skipped, failed, bytes);
        out.accept(summary.toString());
        return summary;
    }

    private boolean sameContent(StorageKey key, long size, String checksum) {
        return to.exists(key) && to.size(key) == size && checksum.equals(sha256(read(to, key)));
    }

    private static byte[] read(ImageStore store, StorageKey key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageException("Could not read " + key, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** What a run did; {@code failed > 0} means run it again (it resumes) after fixing the cause. */
    public record Summary(int files, int copied, int skipped, int failed, long bytesCopied) {

        public boolean ok() {
            return failed == 0;
        }

        @Override
        public String toString() {
            return (ok() ? "Done: " : "Finished with failures: ") + files + " files, " + copied + " copied ("
                    + bytesCopied + " bytes), " + skipped + " already there, " + failed + " failed."
                    + " Local files were not deleted.";
        }
    }
}
