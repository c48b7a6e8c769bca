package studio.imgen.catalog;

/** How strictly OpenAI filters a generation ({@code AUTO} is OpenAI's default). */
public enum Moderation implements OptionValue {
    AUTO("auto", "Auto (standard)"),
    LOW("low", "Low (less restrictive)");

    private final String wireValue;
    private final String label;

    Moderation(String wireValue, String label) {
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

    public static Moderation parse(String raw) {
        return OptionValue.parse(Moderation.class, raw, "moderation");
    }
}
