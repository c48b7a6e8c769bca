package studio.imgen.storage;

/**
 * Free space kept back on the store's volume: the larger of {@code minBytes} and {@code percent} of the volume. New
 * uploads and jobs are refused below it, so results already paid for can still be written.
 */
public record StorageReserve(long minBytes, int percent) {

    private static final long ONE_GIB = 1L << 30;

    public StorageReserve {
        if (minBytes < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("reserve needs minBytes >= 0 and percent in 0..100");
        }
    }

    /** max(1 GiB, 5 %). */
    public static StorageReserve defaults() {
        return new StorageReserve(ONE_GIB, 5);
    }

    public static StorageReserve none() {
        return new StorageReserve(0, 0);
    }

    /** Bytes to keep free on a volume of {@code totalBytes}. */
    public long bytesFor(long totalBytes) {
        return Math.max(minBytes, totalBytes / 100 * percent);
    }
}
