package studio.imgen.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a member types into a PostgreSQL {@code tsquery} for {@code to_tsquery('simple', …)}: every word must
 * appear, each as a prefix, so the list narrows while they type ("light" finds "lighthouse"). Only letters and digits
 * survive, so the result is always valid tsquery syntax whatever was typed (quotes, {@code &}, {@code :}, {@code !}
 * and parentheses are operators there); it is still sent as a bind value, never spliced into SQL.
 */
final class PromptSearch {

    static final int MAX_WORDS = 8;
    static final int MAX_WORD = 64;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private PromptSearch() {
    }

    /** The tsquery, or empty when the text holds no word (then the filter does not apply). */
    static Optional<String> toTsQuery(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> terms = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find() && terms.size() < MAX_WORDS) {
            String word = words.group().toLowerCase(Locale.ROOT);
            String term = (word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word) + ":*";
            if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" & ", terms));
    }
}
