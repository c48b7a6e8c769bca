package studio.imgen.generate;

import java.util.Locale;

/** Where a generation is in its life. Interrupted = the app stopped after the request may have been sent. */
public enum GenerationStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GenerationStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
