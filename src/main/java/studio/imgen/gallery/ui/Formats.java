package studio.imgen.gallery.ui;

import java.text.NumberFormat;
import java.util.Locale;
import studio.imgen.catalog.Money;
import studio.imgen.generate.GenerationDetails;

/** Token counts and cost of a generation as the gallery shows them. */
final class Formats {

    private Formats() {
    }

    static String tokens(GenerationDetails g) {
        if (g.imageOutputTokens() == null) {
            return "–";
        }
        long in = (g.textInputTokens() == null ? 0 : g.textInputTokens()) + (g.imageInputTokens() == null ? 0 : g.imageInputTokens());
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        return number.format(in) + " in · " + number.format(g.imageOutputTokens()) + " out";
    }

    /** The generation's exact cost (all its images together), from the usage OpenAI reported. */
    static String cost(GenerationDetails g) {
        if (g.costMicros() == null) {
            return "–";
        }
        return Money.cost(g.costMicros(), g.costEstimated()) + (g.options().n() > 1 ? " for all " + g.options().n() + " images" : "");
    }
}
