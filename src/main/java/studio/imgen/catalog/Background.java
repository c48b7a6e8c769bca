package studio.imgen.catalog;

/** The background OpenAI is asked for; {@code AUTO} lets the model decide. */
public enum Background implements OptionValue {
    AUTO("Auto"),
    OPAQUE("Opaque"),
    TRANSPARENT("Transparent");

    private final String label;

    Background(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Background parse(String raw) {
        return OptionValue.parse(Background.class, raw, "background");
    }
}
