package studio.imgen.base;

import java.util.Objects;

/**
 * A sentence for the person who acted, with how it went. The tone is explicit so that no screen has to guess it from
 * the wording (or from a leading emoji, which machines without an emoji font draw as an empty box).
 */
public record Notice(Tone tone, String text) {

    public enum Tone {
        SUCCESS, INFO, WARNING, ERROR
    }

    public Notice {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(text, "text");
    }

    public static Notice success(String text) {
        return new Notice(Tone.SUCCESS, text);
    }

    public static Notice info(String text) {
        return new Notice(Tone.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Tone.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Tone.ERROR, text);
    }
}
