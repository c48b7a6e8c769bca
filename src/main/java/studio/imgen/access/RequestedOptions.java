package studio.imgen.access;

/**
 * Model, size and quality as a request carries them: raw text from a form, API or URL parameter. Null or
 * blank means omitted, which resolves to the workspace default (imgen-behaviour.md §3.4, defect D6).
 */
public record RequestedOptions(String model, String size, String quality) {

    public static final RequestedOptions OMITTED = new RequestedOptions(null, null, null);
}
