package studio.imgen.catalog;

/** The image formats OpenAI can return. */
public enum OutputFormat implements OptionValue {
    PNG("png"),
    JPEG("jpeg"),
    WEBP("webp");

    private final String wireValue;

    OutputFormat(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

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
