package studio.imgen.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import studio.imgen.catalog.CustomSize;
import studio.imgen.catalog.Money;

/**
 * One line per rule for the settings view (imgen-behaviour.md §6), e.g.
 * "Designers: 30s cooldown · Models: All models · Sizes: 1024x1024 (Square) · Qualities: Low, Medium ·
 * 50/day · $20.00/month budget". Unlimited quotas and budgets are left out.
 */
public final class RuleSummary {

    static final String OPEN_ACCESS = "Open access (no role restrictions)";

    private RuleSummary() {
    }

    /** One line per rule in the given order, or the open-access line when there are none. */
    public static List<String> describeAll(List<RoleRule> rules, Map<String, String> modelLabels) {
        if (rules.isEmpty()) {
            return List.of(OPEN_ACCESS);
        }
        return rules.stream().map(r -> describe(r, modelLabels)).toList();
    }

    /**
     * @param modelLabels model id to label in catalogue order (retired models may be included); ids without a
     *     label are shown as they are
     */
    public static String describe(RoleRule rule, Map<String, String> modelLabels) {
        List<String> parts = new ArrayList<>();
        parts.add(rule.roleName() + ": "
                + (rule.cooldownSeconds() == 0 ? "No cooldown" : rule.cooldownSeconds() + "s cooldown"));
        parts.add("Models: " + (rule.models().isEmpty() ? "All models" : labels(rule.models(), modelLabels)));
        parts.add("Sizes: " + (rule.sizes().isEmpty() ? "All sizes (auto allowed)"
                : labels(rule.sizes(), labelMap(OptionCatalog.DEFAULT_SIZES))));
        if (!rule.sizes().isEmpty() && rule.customSizeMaxPixels() > 0) {
            parts.add("Custom sizes up to " + CustomSize.pixels(rule.customSizeMaxPixels()) + " pixels");
        }
        parts.add("Qualities: " + (rule.qualities().isEmpty() ? "All qualities (auto allowed)"
                : labels(rule.qualities(), labelMap(OptionCatalog.DEFAULT_QUALITIES))));
        if (rule.dailyQuota() > 0) {
            parts.add(rule.dailyQuota() + "/day");
        }
        if (rule.monthlyQuota() > 0) {
            parts.add(rule.monthlyQuota() + "/month");
        }
        if (rule.monthlyBudgetMicros() > 0) {
            parts.add(Money.format(rule.monthlyBudgetMicros()) + "/month budget");
        }
        return String.join(" · ", parts);
    }

    /** Known values in the map's order, then unknown ones sorted, so the line is stable. */
    private static String labels(Set<String> values, Map<String, String> known) {
        List<String> out = new ArrayList<>();
        known.forEach((value, label) -> {
            if (values.contains(value)) {
                out.add(label);
            }
        });
        values.stream().filter(v -> !known.containsKey(v)).sorted().forEach(out::add);
        return String.join(", ", out);
    }

    private static Map<String, String> labelMap(List<Choice> choices) {
        return choices.stream().collect(Collectors.toMap(Choice::value, Choice::label, (a, b) -> a,
                LinkedHashMap::new));
    }
}
