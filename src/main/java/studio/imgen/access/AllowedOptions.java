package studio.imgen.access;

import java.util.List;

/**
 * What a member's pickers offer, in canonical order (imgen-behaviour.md §3.3). None of the lists is empty.
 *
 * @param customSizeMaxPixels besides the listed sizes, custom sizes up to this many pixels on the chosen model; 0:
 *     none (the model takes none, or the member's roles allow none)
 */
public record AllowedOptions(List<ModelChoice> models, List<Choice> sizes, List<Choice> qualities,
                             long customSizeMaxPixels) {

    public AllowedOptions {
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        qualities = List.copyOf(qualities);
    }
}
