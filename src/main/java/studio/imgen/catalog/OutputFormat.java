package studio.imgen.catalog;

/** The image formats OpenAI can return. */
public enum OutputFormat implements OptionValue {
    PNG,
    JPEG,
    WEBP;

    @Override
    public String label() {
        return name();
    }

    /** PNG is lossless: OpenAI takes {@code output_compression} only for JPEG and WebP. */
    public boolean compressible() {
        return this != PNG;
    }

    /** Transparency needs an alpha channel, which JPEG has not. */
    public boolean allowsTransparency() {
        return this != JPEG;
    }

    public static OutputFormat parse(String raw) {
        return OptionValue.parse(OutputFormat.class, raw, "output format");
    }
}
