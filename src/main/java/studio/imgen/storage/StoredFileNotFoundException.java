package studio.imgen.storage;

/** No file is stored under the key (never written, deleted, or removed by the cleaner). */
public class StoredFileNotFoundException extends StorageException {

    public StoredFileNotFoundException(StorageKey key, Throwable cause) {
        super("No stored file for " + key, cause);
    }
}
