package studio.imgen.access;

import java.util.Objects;

/** One value of a size or quality picker with its display label, e.g. {@code 1024x1024} "1024x1024 (Square)". */
public record Choice(String value, String label) {

    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
