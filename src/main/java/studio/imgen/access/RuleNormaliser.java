package studio.imgen.access;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.CustomSize;

/**
 * Turns a submitted rule form into the rule to store (imgen-behaviour.md §2.2, §6): "All" or every concrete
 * value is stored as empty, {@code auto} is never stored, numbers are checked with the original messages.
 */
public final class RuleNormaliser {

    static final int MAX_QUOTA = 999_999;
    static final BigDecimal MAX_BUDGET_DOLLARS = BigDecimal.valueOf(1_000_000);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DOLLARS = Pattern.compile("([+-])?\\s*\\$?\\s*(\\d+(?:\\.\\d{1,2})?)");

    private RuleNormaliser() {
    }

    /** The rule to store, or a {@link UserInputException} naming the first problem. */
    public static RoleRule normalise(RuleDraft draft, OptionCatalog catalogue) {
        if (draft.roleId() == null) {
            throw new UserInputException("You must select a role.");
        }
        int cooldown = wholeNumber(draft.cooldown(), "Cooldown", true, RoleRule.MAX_COOLDOWN_SECONDS);
        List<Choice> models = catalogue.models().stream().map(m -> new Choice(m.id(), m.label())).toList();
        Set<String> allowedModels = selection(draft.models(), models, false, "Invalid model selection.");
        Set<String> sizes = selection(draft.sizes(), concrete(catalogue.sizes()), true, "Invalid size selection.");
        Set<String> qualities = selection(draft.qualities(), concrete(catalogue.qualities()), true,
                "Invalid quality selection.");
        int daily = wholeNumber(draft.dailyQuota(), "Daily quota", false, MAX_QUOTA);
        int monthly = wholeNumber(draft.monthlyQuota(), "Monthly quota", false, MAX_QUOTA);
        long budget = budgetMicros(draft.monthlyBudget());
        return new RoleRule(draft.roleId(), draft.roleName(), cooldown, allowedModels, sizes, qualities,
                daily, monthly, budget, customSizeMax(draft.customSizeMax()));
    }

    private static List<Choice> concrete(List<Choice> canonical) {
        return canonical.stream().filter(c -> !c.value().equals(OptionCatalog.AUTO)).toList();
    }

    private static Set<String> selection(Set<String> selected, List<Choice> concrete, boolean hasAuto,
                                         String invalidMessage) {
        if (selected == null) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String raw : selected) {
            if (Choices.omitted(raw)) {
                continue;
            }
            if (raw.strip().equalsIgnoreCase(RuleDraft.ALL)) {
                return Set.of();
            }
            if (hasAuto && raw.strip().equalsIgnoreCase(OptionCatalog.AUTO)) {
                continue;
            }
            values.add(Choices.match(concrete, raw).orElseThrow(() -> new UserInputException(invalidMessage))
                    .value());
        }
        // Every concrete value is the same as "All", and storing it as such keeps auto allowed.
        return values.size() == concrete.size() ? Set.of() : Set.copyOf(values);
    }

    private static int wholeNumber(String text, String field, boolean required, int max) {
        if (Choices.omitted(text)) {
            if (required) {
                throw new UserInputException(field + " must be a number.");
            }
            return 0;
        }
        String value = text.strip();
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new UserInputException(field + " must be a number.");
        }
        BigInteger number = new BigInteger(value);
        if (number.signum() < 0) {
            throw new UserInputException(field + " must be 0 or greater.");
        }
        if (number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new UserInputException(field + " must be at most " + max + ".");
        }
        return number.intValueExact();
    }

    /** "3686400", "3,686,400" or "2560x1440"; blank: no custom sizes. */
    private static long customSizeMax(String text) {
        if (Choices.omitted(text)) {
            return 0;
        }
        String value = text.strip().replaceAll("[,_\\s]", "");
        long pixels = CustomSize.parse(value).map(CustomSize::pixels)
                .orElseGet(() -> WHOLE_NUMBER.matcher(value).matches() && value.length() < 12 ? Long.parseLong(value) : -1);
        if (pixels < 0) {
            throw new UserInputException("Custom sizes up to must be a pixel count like 3686400 or a size like"
                    + " 2560x1440.");
        }
        if (pixels > CustomSize.MAX_PIXELS) {
            throw new UserInputException("Custom sizes go up to 3840x2160 (" + CustomSize.pixels(CustomSize.MAX_PIXELS)
                    + " pixels): OpenAI allows no larger.");
        }
        return pixels;
    }

    private static long budgetMicros(String text) {
        if (Choices.omitted(text)) {
            return 0;
        }
        Matcher m = DOLLARS.matcher(text.strip());
        if (!m.matches()) {
            throw new UserInputException("Monthly budget must be an amount in dollars, like 20 or 12.50.");
        }
        BigDecimal dollars = new BigDecimal(m.group(2));
        if ("-".equals(m.group(1)) && dollars.signum() > 0) {
            throw new UserInputException("Monthly budget must be 0 or greater.");
        }
        if (dollars.compareTo(MAX_BUDGET_DOLLARS) > 0) {
            throw new UserInputException("Monthly budget must be at most $1,000,000.");
        }
        return dollars.movePointRight(6).longValueExact();
    }
}
