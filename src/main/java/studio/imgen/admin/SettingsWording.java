package studio.imgen.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import studio.imgen.access.Choice;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelCatalog;

/**
 * How the settings pieces name models, options and times to an admin, so the overview, the defaults' confirmations
 * and the audit say the same thing ("Quality: High", not "quality: high").
 */
@Component
class SettingsWording {

    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter NOTICE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ModelCatalog catalog;

    SettingsWording(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The default image model as the overview shows it: null means the catalogue's default. */
    String modelDescription(String id) {
        if (id == null) {
            return "Catalogue default (" + catalog.defaultModel().map(ImageModel::label).orElse("none offered") + ")";
        }
        return catalog.find(id).map(m -> m.label() + " (" + id + ")" + (m.offeredOn(catalog.today()) ? ""
                : " – no longer offered, members get the first model they may use")).orElse(id);
    }

    String chatModelDescription(String id) {
        return catalog.findChat(id).map(m -> m.label() + " (" + id + ")" + (m.offeredOn(catalog.today()) ? ""
                : " – shut down, conversation turns use " + catalog.chatModelToSend(id).map(r -> r.label())
                        .orElse("a direct edit instead"))).orElse(id);
    }

    /** An image or chat model's label with its id, or the bare id when the catalogue no longer knows it. */
    String modelName(String id) {
        return catalog.find(id).map(m -> m.label() + " (" + id + ")")
                .or(() -> catalog.findChat(id).map(m -> m.label() + " (" + id + ")")).orElse(id);
    }

    static String label(List<Choice> choices, String value) {
        return choices.stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst().orElse(value);
    }

    static String capitalised(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    static String exemptionSentence(boolean exempt) {
        return exempt
                ? "Workspace admins skip cooldowns. Role access, quotas and budgets still apply to them."
                : "Workspace admins wait out cooldowns like everyone else.";
    }
}
