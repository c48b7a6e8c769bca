package studio.imgen.catalog;

/** How strictly OpenAI filters a generation ({@code AUTO} is OpenAI's default). */
public enum Moderation implements OptionValue {
    AUTO("Auto (standard)"),
    LOW("Low (less restrictive)");

    private final String label;

    Moderation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Moderation parse(String raw) {
        return OptionValue.parse(Moderation.class, raw, "moderation");
    }
}
