package studio.imgen.access;

import java.util.Objects;

/** The model, size and quality that are sent upstream, shown on the item and logged. */
public record ResolvedOptions(ModelChoice model, Choice size, Choice quality) {

    public ResolvedOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(quality, "quality");
    }
}
