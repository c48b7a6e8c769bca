package studio.imgen.catalog;

/** The background OpenAI is asked for; {@code AUTO} lets the model decide. */
public enum Background implements OptionValue {
    AUTO("auto", "Auto"),
    OPAQUE("opaque", "Opaque"),
    TRANSPARENT("transparent", "Transparent");

    private final String wireValue;
    private final String label;

    Background(String wireValue, String label) {
        this.wireValue = wireValue;
        this.label = label;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    @Override
    public String label() {
        return label;
    }

    public static Background parse(String raw) {
        return OptionValue.parse(Background.class, raw, "background");
    }
}
