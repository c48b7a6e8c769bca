package studio.imgen.admin;

/**
 * Defaults an admin submits; a null or blank field leaves that default as it is. Values may be given as values or
 * labels in any case ("High", "1024x1024 (Square)", "GPT Image 1.5"), like every other option input.
 */
public record DefaultsChange(String model, String size, String quality, String outputFormat, String background) {

    public static final DefaultsChange NOTHING = new DefaultsChange(null, null, null, null, null);
}
