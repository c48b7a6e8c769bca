package studio.imgen.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import studio.imgen.access.CatalogOptions;
import studio.imgen.access.Choice;
import studio.imgen.access.Choices;
import studio.imgen.access.ModelChoice;
import studio.imgen.access.OptionCatalog;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * The workspace's defaults for {@link WorkspaceSettingsService}, which has checked the admin: the generate form's
 * defaults, the edit-thread defaults and the admin cooldown exemption. Every change is stored only if the row is
 * still at the version the admin edited, and is audited before → after.
 */
@Component
class DefaultsSettings {

    static final String CONFLICT = "Someone else saved these settings a moment ago. Reload to see their changes,"
            + " then try again.";
    private static final String NO_CHANGES = "No changes specified. Use the options to set defaults.";

    private final WorkspaceSettingsRepository settings;
    private final ModelCatalog catalog;
    private final ModelAvailability availability;
    private final SettingsWording wording;
    private final SettingsAudit audit;

    DefaultsSettings(WorkspaceSettingsRepository settings, ModelCatalog catalog, ModelAvailability availability,
                     SettingsWording wording, SettingsAudit audit) {
        this.settings = settings;
        this.catalog = catalog;
        this.availability = availability;
        this.wording = wording;
        this.audit = audit;
    }

    DefaultsForm form(Member me) {
        WorkspaceSettings current = settings.find(me.workspaceId());
        OptionCatalog options = CatalogOptions.of(availability.offeredTo(me.workspaceId()));
        String model = Optional.ofNullable(current.defaultModel())
                .or(() -> catalog.defaultModel().map(ImageModel::id)).orElse(null);
        return new DefaultsForm(options.models(), options.sizes(), options.qualities(), DefaultsForm.FORMATS,
                DefaultsForm.BACKGROUNDS, model, current.defaultSize(), current.defaultQuality(),
                current.defaultFormat(), current.defaultBackground(), current.adminExemptFromCooldown(),
                current.version(), settings.findThreadDefaults(me.workspaceId()),
                catalog.offeredChatModels().stream().map(m -> new Choice(m.id(), m.label())).toList());
    }

    /** Defaults are not checked against role rules (resolution handles conflicts). */
    Notice update(Member me, DefaultsChange change, int expectedVersion) {
        WorkspaceSettings current = settings.find(me.workspaceId());
        OptionCatalog options = CatalogOptions.of(availability.offeredTo(me.workspaceId()));
        String model = chosen(change.model(), current.defaultModel(), raw -> Choices.matchModel(options.models(), raw)
                .map(ModelChoice::id), "Invalid model selection.");
        String size = chosen(change.size(), current.defaultSize(),
                raw -> Choices.match(options.sizes(), raw).map(Choice::value), "Invalid size selection.");
        String quality = chosen(change.quality(), current.defaultQuality(),
                raw -> Choices.match(options.qualities(), raw).map(Choice::value), "Invalid quality selection.");
        String format = chosen(change.outputFormat(), current.defaultFormat(), raw -> plain(DefaultsForm.FORMATS, raw),
                "Invalid output format selection.");
        String background = chosen(change.background(), current.defaultBackground(),
                raw -> plain(DefaultsForm.BACKGROUNDS, raw), "Invalid background selection.");
        if ("transparent".equals(background) && "jpeg".equals(format)) {
            throw new UserInputException("background=transparent is allowed only with png or webp output_format");
        }
        List<String> lines = new ArrayList<>();
        // Each line names the value as the form and the overview do ("Quality: High", not "quality: high").
        addIfChanged(lines, "Model", current.defaultModel(), model, wording::modelDescription);
        addIfChanged(lines, "Size", current.defaultSize(), size,
                v -> SettingsWording.label(OptionCatalog.DEFAULT_SIZES, v));
        addIfChanged(lines, "Quality", current.defaultQuality(), quality,
                v -> SettingsWording.label(OptionCatalog.DEFAULT_QUALITIES, v));
        addIfChanged(lines, "Output format", current.defaultFormat(), format, v -> v.toUpperCase(Locale.ROOT));
        addIfChanged(lines, "Background", current.defaultBackground(), background, SettingsWording::capitalised);
        if (lines.isEmpty()) {
            return Notice.info(NO_CHANGES);
        }
        WorkspaceSettings updated = new WorkspaceSettings(me.workspaceId(), model, size, quality, format, background,
                current.adminExemptFromCooldown(), current.key(), current.version());
        if (!settings.updateDefaults(me.workspaceId(), updated, expectedVersion)) {
            throw new UserInputException(CONFLICT);
        }
        audit.record(me, "defaults.updated", "", SettingsAudit.defaults(current), SettingsAudit.defaults(updated));
        return Notice.success("Updated default settings:\n" + String.join("\n", lines));
    }

    Notice updateThreadDefaults(Member me, EditThreadDefaults.Mode mode, String mainlineModel, int expectedVersion) {
        if (mode == null) {
            throw new UserInputException("Choose a mode for new edit threads.");
        }
        String chat = Choices.omitted(mainlineModel) ? "" : mainlineModel.strip().toLowerCase(Locale.ROOT);
        EditThreadDefaults current = settings.findThreadDefaults(me.workspaceId());
        if (!chat.equals(current.mainlineModel()) && catalog.offeredChatModels().stream().noneMatch(m -> m.id().equals(chat))) {
            throw new UserInputException("Choose a conversation model from the list: “" + chat + "” is not a chat model"
                    + " this installation offers. An instance admin can add it to the model catalogue.");
        }
        EditThreadDefaults updated = new EditThreadDefaults(mode, chat);
        if (current.equals(updated)) {
            return Notice.info(NO_CHANGES);
        }
        if (!settings.updateThreadDefaults(me.workspaceId(), updated, expectedVersion)) {
            throw new UserInputException(CONFLICT);
        }
        audit.record(me, "thread_defaults.updated", "", SettingsAudit.threadDefaults(current),
                SettingsAudit.threadDefaults(updated));
        return Notice.success("New edit threads: " + updated.mode().label() + " · conversation model "
                + wording.chatModelDescription(updated.mainlineModel()));
    }

    Notice setAdminExemptFromCooldown(Member me, boolean exempt, int expectedVersion) {
        WorkspaceSettings current = settings.find(me.workspaceId());
        if (current.adminExemptFromCooldown() == exempt) {
            return Notice.info("No changes specified. " + SettingsWording.exemptionSentence(exempt));
        }
        if (!settings.updateAdminExemption(me.workspaceId(), exempt, expectedVersion)) {
            throw new UserInputException(CONFLICT);
        }
        audit.record(me, "admin_exemption.updated", "",
                SettingsWording.exemptionSentence(current.adminExemptFromCooldown()),
                SettingsWording.exemptionSentence(exempt));
        return Notice.success(SettingsWording.exemptionSentence(exempt));
    }

    private static Optional<String> plain(List<String> values, String raw) {
        return values.stream().filter(v -> v.equalsIgnoreCase(raw.strip())).findFirst();
    }

    private static String chosen(String raw, String current, Function<String, Optional<String>> match, String invalid) {
        if (Choices.omitted(raw)) {
            return current;
        }
        return match.apply(raw).orElseThrow(() -> new UserInputException(invalid));
    }

    private static void addIfChanged(List<String> lines, String name, String before, String after,
                                     Function<String, String> label) {
        if (!Objects.equals(before, after)) {
            lines.add(name + ": " + label.apply(after));
        }
    }
}
