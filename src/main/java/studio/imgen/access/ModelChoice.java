package studio.imgen.access;

import java.util.Objects;
import java.util.Set;
import studio.imgen.catalog.CustomSize;

/**
 * A model the catalogue currently offers (enabled, not retired), with the sizes and qualities it supports.
 * Empty capability sets mean "every canonical value", so models without special limits need no data.
 * {@code auto} never needs listing: the API accepts it (or its omission) for every model.
 *
 * @param customSizes the model takes any {@link CustomSize} besides its listed sizes
 */
public record ModelChoice(String id, String label, Set<String> sizes, Set<String> qualities, boolean customSizes) {

    public ModelChoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        sizes = Set.copyOf(sizes);
        qualities = Set.copyOf(qualities);
    }

    /** A model with listed sizes only. */
    public ModelChoice(String id, String label, Set<String> sizes, Set<String> qualities) {
        this(id, label, sizes, qualities, false);
    }

    /** A model that supports every canonical size and quality. */
    public static ModelChoice of(String id, String label) {
        return new ModelChoice(id, label, Set.of(), Set.of());
    }

    /** Listed (or any, without a list), or a valid custom size on a model that takes them. */
    boolean supportsSize(String size) {
        return sizes.isEmpty() || sizes.contains(size)
                || customSizes && CustomSize.parse(size).filter(c -> c.problem().isEmpty()).isPresent();
    }

    boolean supportsQuality(String quality) {
        return qualities.isEmpty() || qualities.contains(quality);
    }
}
