package studio.imgen.storage;

import java.time.Instant;

/** One file found by {@link ImageStore#list()}: enough for the orphan cleaner to match it against the database. */
public record StoredFile(StorageKey key, Instant lastModified, long size) {}
