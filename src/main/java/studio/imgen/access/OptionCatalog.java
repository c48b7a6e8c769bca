package studio.imgen.access;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What can be asked for at all, in canonical order: the catalogue's offered models, and the size and quality
 * lists (imgen-behaviour.md §1). The order is both the display order and the fallback order. Sizes and
 * qualities are plain strings so newer model values (quality {@code xhigh}, larger sizes) only need data.
 */
public record OptionCatalog(List<ModelChoice> models, List<Choice> sizes, List<Choice> qualities) {

    public static final String AUTO = "auto";

    public static final List<Choice> DEFAULT_SIZES = List.of(
            new Choice(AUTO, "Auto"),
            new Choice("1024x1024", "1024x1024 (Square)"),
            new Choice("1536x1024", "1536x1024 (Landscape)"),
            new Choice("1024x1536", "1024x1536 (Portrait)"));

    public static final List<Choice> DEFAULT_QUALITIES = List.of(
            new Choice(AUTO, "Auto"),
            new Choice("low", "Low"),
            new Choice("medium", "Medium"),
            new Choice("high", "High"));

    public OptionCatalog {
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        qualities = List.copyOf(qualities);
        requireDistinct(models.stream().map(ModelChoice::id).toList(), "model ids");
        requireDistinct(sizes.stream().map(Choice::value).toList(), "sizes");
        requireDistinct(qualities.stream().map(Choice::value).toList(), "qualities");
        // The fallback rules rely on "auto" heading the list (it is the default of both dimensions).
        if (sizes.isEmpty() || !sizes.get(0).value().equals(AUTO)
                || qualities.isEmpty() || !qualities.get(0).value().equals(AUTO)) {
            throw new IllegalArgumentException("size and quality lists must start with auto");
        }
    }

    /** The offered models with the default size and quality lists. */
    public static OptionCatalog of(List<ModelChoice> models) {
        return new OptionCatalog(models, DEFAULT_SIZES, DEFAULT_QUALITIES);
    }

    Optional<ModelChoice> model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static void requireDistinct(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            Objects.requireNonNull(value, what);
            if (!seen.add(value.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate in " + what + ": " + value);
            }
        }
    }
}
