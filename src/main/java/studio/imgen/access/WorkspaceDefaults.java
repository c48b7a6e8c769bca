package studio.imgen.access;

/**
 * A workspace's default model, size and quality (imgen-behaviour.md §2.1). They are never checked against role
 * rules; resolution handles conflicts. A null model means "the first offered model"; null size or quality
 * means {@code auto}.
 */
public record WorkspaceDefaults(String model, String size, String quality) {

    public WorkspaceDefaults {
        size = size == null ? OptionCatalog.AUTO : size;
        quality = quality == null ? OptionCatalog.AUTO : quality;
    }

    public static final WorkspaceDefaults NONE = new WorkspaceDefaults(null, null, null);
}
