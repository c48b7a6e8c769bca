package studio.imgen.admin;

import java.util.List;

/** What a member's pickers offer, in canonical order (imgen-behaviour.md §3.3). None of the lists is empty. */
public record AllowedOptions(List<ModelChoice> models, List<Choice> sizes, List<Choice> qualities) {

    public AllowedOptions {
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        qualities = List.copyOf(qualities);
    }
}
