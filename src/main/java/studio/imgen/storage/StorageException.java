package studio.imgen.storage;

/** A stored file could not be written, read or deleted. The message names the key, never a client file name. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
