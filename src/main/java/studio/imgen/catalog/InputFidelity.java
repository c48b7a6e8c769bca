package studio.imgen.catalog;

/** How closely an edit keeps the input images' faces and details (models that support it only). */
public enum InputFidelity implements OptionValue {
    LOW("Low"),
    HIGH("High (keep faces and details)");

    private final String label;

    InputFidelity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static InputFidelity parse(String raw) {
        return OptionValue.parse(InputFidelity.class, raw, "input fidelity");
    }
}
