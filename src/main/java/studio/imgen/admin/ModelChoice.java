package studio.imgen.admin;

import java.util.Objects;
import java.util.Set;

/**
 * A model the catalogue currently offers (enabled, not retired), with the sizes and qualities it supports.
 * Empty capability sets mean "every canonical value", so models without special limits need no data.
 * {@code auto} never needs listing: the API accepts it (or its omission) for every model.
 */
public record ModelChoice(String id, String label, Set<String> sizes, Set<String> qualities) {

    public ModelChoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        sizes = Set.copyOf(sizes);
        qualities = Set.copyOf(qualities);
    }

    /** A model that supports every canonical size and quality. */
    public static ModelChoice of(String id, String label) {
        return new ModelChoice(id, label, Set.of(), Set.of());
    }

    boolean supportsSize(String size) {
        return sizes.isEmpty() || sizes.contains(size);
    }

    boolean supportsQuality(String quality) {
        return qualities.isEmpty() || qualities.contains(quality);
    }
}
