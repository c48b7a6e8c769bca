package studio.imgen.storage;

/**
 * The store has no room: either the free-space reserve would be crossed, or a write hit "no space left on device".
 * The message is a plain sentence that may be shown to users.
 */
public class StorageFullException extends StorageException {

    public StorageFullException(String message) {
        super(message);
    }

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
