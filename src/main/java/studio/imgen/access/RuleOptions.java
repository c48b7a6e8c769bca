package studio.imgen.access;

import java.util.List;

/**
 * What the rule dialog's multi-selects offer: concrete models, sizes and qualities in canonical order. {@code auto}
 * is never offered (an unrestricted dimension allows it); "All" is {@link RuleDraft#ALL}.
 */
public record RuleOptions(List<Choice> models, List<Choice> sizes, List<Choice> qualities) {

    public RuleOptions {
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        qualities = List.copyOf(qualities);
    }
}
