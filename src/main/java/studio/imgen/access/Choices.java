package studio.imgen.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Input normalisation (imgen-behaviour.md §1): trim, then match case-insensitively against the values, then
 * against the labels, so "High", "1024x1024 (Square)" and "GPT Image 1.5" are accepted.
 */
public final class Choices {

    private Choices() {
    }

    /** True when the raw text counts as "omitted". */
    public static boolean omitted(String raw) {
        return raw == null || raw.isBlank();
    }

    static <T> Optional<T> match(List<T> options, String raw, Function<T, String> value, Function<T, String> label) {
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        return options.stream().filter(o -> value.apply(o).toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .or(() -> options.stream().filter(o -> label.apply(o).toLowerCase(Locale.ROOT).equals(wanted))
                        .findFirst());
    }

    public static Optional<Choice> match(List<Choice> options, String raw) {
        return match(options, raw, Choice::value, Choice::label);
    }

    public static Optional<ModelChoice> matchModel(List<ModelChoice> models, String raw) {
        return match(models, raw, ModelChoice::id, ModelChoice::label);
    }
}
