package studio.imgen.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Stores image bytes under server-generated {@link StorageKey}s. Write the file first and the database row after it;
 * a file without a row is an orphan that the cleaner removes (never the reverse order).
 */
public interface ImageStore {

    /**
     * Writes the bytes so that readers see either the complete file or nothing. Replaces an existing file.
     *
     * @throws StorageFullException when the volume is out of space; no partial or temporary file is left behind
     * @throws StorageException on any other failure
     */
    void put(StorageKey key, byte[] bytes);

    /**
     * Opens the stored bytes; the caller closes the stream.
     *
     * @throws StoredFileNotFoundException when nothing is stored under the key
     */
    InputStream open(StorageKey key);

    boolean exists(StorageKey key);

    /** @throws StoredFileNotFoundException when nothing is stored under the key */
    long size(StorageKey key);

    /** Removes the file; deleting a missing file is not an error. */
    void delete(StorageKey key);

    /**
     * Every stored file whose name is a valid key; temporary files and foreign names are skipped. The stream holds
     * directory handles: close it (try-with-resources).
     */
    Stream<StoredFile> list();

    /** Free space the store can still use, in bytes. */
    long usableBytes();

    /**
     * Refuses early, before an upload is accepted or a generation is paid for, when writing {@code bytes} more would
     * eat into the configured reserve.
     *
     * @throws StorageFullException with a message that can be shown to users
     */
    void ensureSpaceFor(long bytes);

    /**
     * Deletes temporary files left by interrupted writes (for example a crash during {@link #put}).
     *
     * @return how many were deleted
     */
    int deleteStaleTempFiles(Duration olderThan);

    /** Where the files are, for logs and the admin view. */
    String describe();
}
