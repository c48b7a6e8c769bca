package studio.imgen.admin;

import studio.imgen.access.Choice;
import studio.imgen.access.ModelChoice;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.OptionValue;
import studio.imgen.catalog.OutputFormat;

import java.util.List;

/**
 * What the defaults form offers and currently holds. {@code version} goes back with the change, so a save over
 * someone else's newer save is refused instead of silently undoing it (D17). {@code chatModels} are the conversation
 * models admins may choose (the catalogue's offered chat models), value = id.
 */
public record DefaultsForm(List<ModelChoice> models, List<Choice> sizes, List<Choice> qualities,
                           List<String> formats, List<String> backgrounds, String model, String size, String quality,
                           String format, String background, boolean adminExemptFromCooldown, int version,
                           EditThreadDefaults threads, List<Choice> chatModels) {

    public static final List<String> FORMATS = OptionValue.wireValues(OutputFormat.class);
    public static final List<String> BACKGROUNDS = OptionValue.wireValues(Background.class);

    public DefaultsForm {
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        qualities = List.copyOf(qualities);
        formats = List.copyOf(formats);
        backgrounds = List.copyOf(backgrounds);
        chatModels = List.copyOf(chatModels);
    }
}
