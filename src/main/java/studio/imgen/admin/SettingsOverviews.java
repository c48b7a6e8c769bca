package studio.imgen.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import studio.imgen.access.CatalogOptions;
import studio.imgen.access.OptionCatalog;
import studio.imgen.access.RuleModels;
import studio.imgen.access.RuleSummary;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;

/**
 * The settings overview for {@link WorkspaceSettingsService}, which has checked the admin: the key line, defaults,
 * exemption, role rules, OpenAI notices, log destination, model shutdowns and what the key's model list says, each
 * as sentences to show.
 */
@Component
class SettingsOverviews {

    private final WorkspaceSettingsRepository settings;
    private final ModelCatalog catalog;
    private final RuleModels rules;
    private final OpenAiQuotaNotice quotaNotice;
    private final ObjectProvider<LogDestination> logDestination;
    private final ModelAvailability availability;
    private final ModelShutdowns shutdowns;
    private final SettingsWording wording;

    SettingsOverviews(WorkspaceSettingsRepository settings, ModelCatalog catalog, RuleModels rules,
                      OpenAiQuotaNotice quotaNotice, ObjectProvider<LogDestination> logDestination,
                      ModelAvailability availability, ModelShutdowns shutdowns, SettingsWording wording) {
        this.settings = settings;
        this.catalog = catalog;
        this.rules = rules;
        this.quotaNotice = quotaNotice;
        this.logDestination = logDestination;
        this.availability = availability;
        this.shutdowns = shutdowns;
        this.wording = wording;
    }

    SettingsOverview of(UUID workspaceId) {
        WorkspaceSettings current = settings.find(workspaceId);
        EditThreadDefaults threads = settings.findThreadDefaults(workspaceId);
        List<String> defaults = List.of(
                "Model: " + wording.modelDescription(current.defaultModel()),
                "Size: " + SettingsWording.label(OptionCatalog.DEFAULT_SIZES, current.defaultSize()),
                "Quality: " + SettingsWording.label(OptionCatalog.DEFAULT_QUALITIES, current.defaultQuality()),
                "Output format: " + current.defaultFormat().toUpperCase(Locale.ROOT),
                "Background: " + SettingsWording.capitalised(current.defaultBackground()),
                "New edit threads: " + threads.mode().label(),
                "Conversation model: " + wording.chatModelDescription(threads.mainlineModel()));
        return new SettingsOverview(current.key().configured(), keyLine(current.key()), defaults,
                SettingsWording.exemptionSentence(current.adminExemptFromCooldown()),
                RuleSummary.describeAll(rules.rulesOf(workspaceId), CatalogOptions.labels(catalog.all())),
                quotaNotice.reportedAt(workspaceId).map(at -> "OpenAI reported insufficient quota at "
                        + SettingsWording.NOTICE_TIME.format(at) + ". Add credit to the OpenAI account or set another"
                        + " key; this notice clears after the next successful generation."),
                logDestination.getIfAvailable(() -> workspace -> "Not available.").describe(workspaceId),
                shutdowns.notices(workspaceId), unavailableModels(workspaceId), modelStatusLine(workspaceId));
    }

    private static String keyLine(WorkspaceSettings.KeyStatus key) {
        if (!key.configured()) {
            return "Not set";
        }
        StringBuilder line = new StringBuilder("Configured · ends with …").append(key.last4());
        if (key.setBy() != null) {
            line.append(" · set by ").append(key.setBy());
        }
        if (key.setAt() != null) {
            line.append(key.setBy() == null ? " · set" : "").append(" on ").append(SettingsWording.DAY.format(key.setAt()));
        }
        return line.toString();
    }

    private List<String> unavailableModels(UUID workspaceId) {
        return availability.of(workspaceId).unavailable().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "OpenAI answered that " + wording.modelName(e.getKey()) + " does not exist for this"
                        + " workspace's key (" + SettingsWording.NOTICE_TIME.format(e.getValue()) + "). Members are no"
                        + " longer offered it; choose another model where the workspace uses it, or check the OpenAI"
                        + " project's model access. Testing the key reads the key's models again.")
                .toList();
    }

    private String modelStatusLine(UUID workspaceId) {
        var status = availability.of(workspaceId);
        if (!status.known()) {
            return "Not read yet: test the key to see which models it can use. Until then members are offered every"
                    + " catalogue model.";
        }
        List<String> usable = availability.offeredTo(workspaceId).stream().map(ImageModel::label).toList();
        return "Read " + SettingsWording.NOTICE_TIME.format(status.checkedAt()) + ". Image models this key can use: "
                + (usable.isEmpty() ? "none of the catalogue's" : String.join(", ", usable)) + ".";
    }
}
