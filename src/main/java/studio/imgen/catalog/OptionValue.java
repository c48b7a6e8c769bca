package studio.imgen.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import studio.imgen.base.UserInputException;

/**
 * One value of a closed image-option vocabulary: how OpenAI's API spells it and how the app shows it. Parsing from
 * the wire (an API request, a stored row, a settings value) happens here, with the one sentence a bad value gets.
 */
public interface OptionValue {

    /** OpenAI's spelling, as sent upstream, stored and answered by the images API: the constant's name in lower case. */
    default String wireValue() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** What the app shows (forms, chips, overviews). */
    String label();

    /**
     * The value for {@code raw}, ignoring case and surrounding spaces; null when nothing was chosen (null or blank).
     *
     * @param what the option's name in the refusal ("Invalid output format selection.")
     */
    static <E extends Enum<E> & OptionValue> E parse(Class<E> vocabulary, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String wire = raw.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(vocabulary.getEnumConstants()).filter(v -> v.wireValue().equals(wire)).findFirst()
                .orElseThrow(() -> new UserInputException("Invalid " + what + " selection."));
    }

    /** {@code value}'s wire value, or null when nothing was chosen. */
    static String wireOf(OptionValue value) {
        return value == null ? null : value.wireValue();
    }

    /** The vocabulary's wire values in declaration order (for places that keep the plain strings, e.g. settings). */
    static <E extends Enum<E> & OptionValue> List<String> wireValues(Class<E> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(OptionValue::wireValue).toList();
    }
}
