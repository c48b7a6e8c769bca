package studio.imgen.admin;

import studio.imgen.access.CatalogOptions;
import studio.imgen.access.Choice;
import studio.imgen.access.Choices;
import studio.imgen.access.ModelChoice;
import studio.imgen.access.OptionCatalog;
import studio.imgen.access.RuleModels;
import studio.imgen.access.RuleSummary;

import studio.imgen.workspace.AdminActionPerformed;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.openai.ListedModel;
import studio.imgen.openai.OpenAiException;
import studio.imgen.openai.OpenAiGateway;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Workspace settings for its admins (imgen-behaviour.md §6): the OpenAI key (write-only), defaults, the admin
 * cooldown exemption and the overview. Every method re-checks in the database that the caller administers their
 * active workspace and works on that workspace only. Results are sentences to show the admin.
 */
@Service
public class WorkspaceSettingsService {

    static final String CONFLICT = "Someone else saved these settings a moment ago. Reload to see their changes,"
            + " then try again.";
    private static final Logger log = LoggerFactory.getLogger(WorkspaceSettingsService.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NOTICE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WorkspaceAccess access;
    private final WorkspaceSettingsRepository settings;
    private final ApiKeyVault vault;
    private final OpenAiGateway gateway;
    private final ModelCatalog catalog;
    private final RuleModels rules;
    private final ApplicationEventPublisher events;
    private final OpenAiQuotaNotice quotaNotice;
    private final ObjectProvider<LogDestination> logDestination;
    private final ModelAvailability availability;
    private final ModelStatusRefresh modelStatus;
    private final ModelShutdowns shutdowns;

    WorkspaceSettingsService(WorkspaceAccess access, WorkspaceSettingsRepository settings, ApiKeyVault vault,
                             OpenAiGateway gateway, ModelCatalog catalog, RuleModels rules,
                             ApplicationEventPublisher events, OpenAiQuotaNotice quotaNotice,
                             ObjectProvider<LogDestination> logDestination, ModelAvailability availability,
                             ModelStatusRefresh modelStatus, ModelShutdowns shutdowns) {
        this.availability = availability;
        this.modelStatus = modelStatus;
        this.shutdowns = shutdowns;
        this.access = access;
        this.settings = settings;
        this.vault = vault;
        this.gateway = gateway;
        this.catalog = catalog;
        this.rules = rules;
        this.events = events;
        this.quotaNotice = quotaNotice;
        this.logDestination = logDestination;
    }

    @RolesAllowed("ADMIN")
    public SettingsOverview overview() {
        Member me = access.requireAdmin();
        WorkspaceSettings current = settings.find(me.workspaceId());
        EditThreadDefaults threads = settings.findThreadDefaults(me.workspaceId());
        List<String> defaults = List.of(
                "Model: " + modelDescription(current.defaultModel()),
                "Size: " + label(OptionCatalog.DEFAULT_SIZES, current.defaultSize()),
                "Quality: " + label(OptionCatalog.DEFAULT_QUALITIES, current.defaultQuality()),
                "Output format: " + current.defaultFormat().toUpperCase(Locale.ROOT),
                "Background: " + capitalised(current.defaultBackground()),
                "New edit threads: " + threads.mode().label(),
                "Conversation model: " + chatModelDescription(threads.mainlineModel()));
        return new SettingsOverview(current.key().configured(), keyLine(current.key()), defaults,
                exemptionSentence(current.adminExemptFromCooldown()),
                RuleSummary.describeAll(rules.rulesOf(me.workspaceId()), CatalogOptions.labels(catalog.all())),
                quotaNotice.reportedAt(me.workspaceId()).map(at -> "OpenAI reported insufficient quota at "
                        + NOTICE_TIME.format(at) + ". Add credit to the OpenAI account or set another key; this"
                        + " notice clears after the next successful generation."),
                logDestination.getIfAvailable(() -> workspaceId -> "Not available.").describe(me.workspaceId()),
                shutdowns.notices(me.workspaceId()), unavailableModels(me.workspaceId()),
                modelStatusLine(me.workspaceId()));
    }

    /**
     * Moves everything in the workspace that uses a retiring model (default, role rules, conversation model) to its
     * replacement, audited before → after.
     */
    @RolesAllowed("ADMIN")
    public String applyReplacement(String modelId) {
        Member me = access.requireAdmin();
        return shutdowns.applyReplacement(me.workspaceId(), modelId, me.userId());
    }

    private List<String> unavailableModels(UUID workspaceId) {
        return availability.of(workspaceId).unavailable().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "OpenAI answered that " + modelName(e.getKey()) + " does not exist for this workspace's key ("
                        + NOTICE_TIME.format(e.getValue()) + "). Members are no longer offered it; choose another model"
                        + " where the workspace uses it, or check the OpenAI project's model access. Testing the key"
                        + " reads the key's models again.")
                .toList();
    }

    private String modelName(String id) {
        return catalog.find(id).map(m -> m.label() + " (" + id + ")")
                .or(() -> catalog.findChat(id).map(m -> m.label() + " (" + id + ")")).orElse(id);
    }

    private String modelStatusLine(UUID workspaceId) {
        var status = availability.of(workspaceId);
        if (!status.known()) {
            return "Not read yet: test the key to see which models it can use. Until then members are offered every"
                    + " catalogue model.";
        }
        List<String> usable = availability.offeredTo(workspaceId).stream().map(ImageModel::label).toList();
        return "Read " + NOTICE_TIME.format(status.checkedAt()) + ". Image models this key can use: "
                + (usable.isEmpty() ? "none of the catalogue's" : String.join(", ", usable)) + ".";
    }

    @RolesAllowed("ADMIN")
    public DefaultsForm defaultsForm() {
        Member me = access.requireAdmin();
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

    /** Stores the key encrypted; the value is trimmed and must be 20 to 200 characters. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String setApiKey(String rawKey) {
        Member me = access.requireAdmin();
        WorkspaceSettings.KeyStatus before = settings.find(me.workspaceId()).key();
        vault.store(me.workspaceId(), rawKey, me.userId());
        // Another key may see other models; its list is read when the key is tested (the settings page does so).
        availability.forget(me.workspaceId());
        WorkspaceSettings.KeyStatus after = settings.find(me.workspaceId()).key();
        publish(me, "api_key.set", "", keyAudit(before), keyAudit(after));
        return "OpenAI API key has been set for this workspace.";
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public Notice clearApiKey() {
        Member me = access.requireAdmin();
        WorkspaceSettings.KeyStatus before = settings.find(me.workspaceId()).key();
        if (!vault.clear(me.workspaceId())) {
            return Notice.info("No API key is configured.");
        }
        availability.forget(me.workspaceId());
        publish(me, "api_key.cleared", "", keyAudit(before), "not set");
        return Notice.success("OpenAI API key has been removed.");
    }

    /**
     * Makes one cheap authenticated call with the stored key and says what OpenAI answered. Takes up to about
     * 20 seconds, so call it off the UI thread. No transaction: no connection is held during the call.
     */
    @RolesAllowed("ADMIN")
    public Notice testApiKey() {
        Member me = access.requireAdmin();
        Optional<String> key;
        try {
            key = vault.decrypt(me.workspaceId());
        } catch (KeyDecryptionException e) {
            log.warn("Key test in workspace {}: {}", me.workspaceId(), e.getMessage());
            return Notice.error("The stored key cannot be decrypted with this server's master key. Set the key again.");
        }
        if (key.isEmpty()) {
            return Notice.info("No API key is configured.");
        }
        try {
            List<ListedModel> listed = gateway.listModels(key.get());
            publish(me, "key.tested", "OpenAI key", null, "accepted");
            modelStatus.record(me.workspaceId(), listed);
            long usable = availability.offeredTo(me.workspaceId()).size();
            return Notice.success("OpenAI accepted the key. It can use " + usable + (usable == 1 ? " model" : " models")
                    + " of the catalogue.");
        } catch (OpenAiException e) {
            // detail() is the upstream status and message with anything key-like masked.
            log.info("Key test in workspace {} failed: {}", me.workspaceId(), e.detail());
            publish(me, "key.tested", "OpenAI key", null, "refused (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
            return testFailure(e);
        }
    }

    /**
     * Changes the defaults that differ from the stored ones. Defaults are not checked against role rules
     * (resolution handles conflicts).
     *
     * @param expectedVersion the version of {@link #defaultsForm()} the admin edited
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public Notice updateDefaults(DefaultsChange change, int expectedVersion) {
        Member me = access.requireAdmin();
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
        addIfChanged(lines, "Model", current.defaultModel(), model, this::modelDescription);
        addIfChanged(lines, "Size", current.defaultSize(), size, v -> label(OptionCatalog.DEFAULT_SIZES, v));
        addIfChanged(lines, "Quality", current.defaultQuality(), quality,
                v -> label(OptionCatalog.DEFAULT_QUALITIES, v));
        addIfChanged(lines, "Output format", current.defaultFormat(), format, v -> v.toUpperCase(Locale.ROOT));
        addIfChanged(lines, "Background", current.defaultBackground(), background,
                WorkspaceSettingsService::capitalised);
        if (lines.isEmpty()) {
            return Notice.info("No changes specified. Use the options to set defaults.");
        }
        WorkspaceSettings updated = new WorkspaceSettings(me.workspaceId(), model, size, quality, format, background,
                current.adminExemptFromCooldown(), current.key(), current.version());
        if (!settings.updateDefaults(me.workspaceId(), updated, expectedVersion)) {
            throw new UserInputException(CONFLICT);
        }
        publish(me, "defaults.updated", "", defaultsAudit(current), defaultsAudit(updated));
        return Notice.success("Updated default settings:\n" + String.join("\n", lines));
    }

    /**
     * Sets the mode new edit threads start in and the chat model conversation turns use.
     *
     * @param expectedVersion the version of {@link #defaultsForm()} the admin edited
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public Notice updateThreadDefaults(EditThreadDefaults.Mode mode, String mainlineModel, int expectedVersion) {
        Member me = access.requireAdmin();
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
            return Notice.info("No changes specified. Use the options to set defaults.");
        }
        if (!settings.updateThreadDefaults(me.workspaceId(), updated, expectedVersion)) {
            throw new UserInputException(CONFLICT);
        }
        publish(me, "thread_defaults.updated", "", threadAudit(current), threadAudit(updated));
        return Notice.success("New edit threads: " + updated.mode().label() + " · conversation model "
                + chatModelDescription(updated.mainlineModel()));
    }

    private static String threadAudit(EditThreadDefaults d) {
        return "mode=" + d.mode().dbValue() + ", mainline_model=" + d.mainlineModel();
    }

    /** Whether workspace admins skip cooldowns. Role access, quotas and budgets apply to them either way. */
    @RolesAllowed("ADMIN")
    @Transactional
    public Notice setAdminExemptFromCooldown(boolean exempt, int expectedVersion) {
        Member me = access.requireAdmin();
        WorkspaceSettings current = settings.find(me.workspaceId());
        if (current.adminExemptFromCooldown() == exempt) {
            return Notice.info("No changes specified. " + exemptionSentence(exempt));
        }
        if (!settings.updateAdminExemption(me.workspaceId(), exempt, expectedVersion)) {
            throw new UserInputException(CONFLICT);
        }
        publish(me, "admin_exemption.updated", "", exemptionSentence(current.adminExemptFromCooldown()),
                exemptionSentence(exempt));
        return Notice.success(exemptionSentence(exempt));
    }

    static String exemptionSentence(boolean exempt) {
        return exempt
                ? "Workspace admins skip cooldowns. Role access, quotas and budgets still apply to them."
                : "Workspace admins wait out cooldowns like everyone else.";
    }

    private static Notice testFailure(OpenAiException e) {
        return switch (e.kind()) {
            case INVALID_KEY -> Notice.error("OpenAI rejected the key. Check that it was copied completely and has not"
                    + " been revoked, then set it again.");
            case PERMISSION_DENIED -> Notice.error("OpenAI refused access for this key (permission or region).");
            case RATE_LIMITED, INSUFFICIENT_QUOTA -> Notice.warning("OpenAI knows the key but is busy or the account is"
                    + " out of quota. Check billing, or test again later.");
            default -> Notice.error("The key could not be tested: " + e.userMessage());
        };
    }

    private String keyLine(WorkspaceSettings.KeyStatus key) {
        if (!key.configured()) {
            return "Not set";
        }
        StringBuilder line = new StringBuilder("Configured · ends with …").append(key.last4());
        if (key.setBy() != null) {
            line.append(" · set by ").append(key.setBy());
        }
        if (key.setAt() != null) {
            line.append(key.setBy() == null ? " · set" : "").append(" on ").append(DAY.format(key.setAt()));
        }
        return line.toString();
    }

    private static String keyAudit(WorkspaceSettings.KeyStatus key) {
        return key.configured() ? "configured, ends with …" + key.last4() : "not set";
    }

    private static String defaultsAudit(WorkspaceSettings s) {
        return "model=" + (s.defaultModel() == null ? "(catalogue default)" : s.defaultModel())
                + ", size=" + s.defaultSize() + ", quality=" + s.defaultQuality()
                + ", format=" + s.defaultFormat() + ", background=" + s.defaultBackground();
    }

    private String modelDescription(String id) {
        if (id == null) {
            return "Catalogue default (" + catalog.defaultModel().map(ImageModel::label).orElse("none offered") + ")";
        }
        return catalog.find(id).map(m -> m.label() + " (" + id + ")" + (m.offeredOn(catalog.today()) ? ""
                : " – no longer offered, members get the first model they may use")).orElse(id);
    }

    private String chatModelDescription(String id) {
        return catalog.findChat(id).map(m -> m.label() + " (" + id + ")" + (m.offeredOn(catalog.today()) ? ""
                : " – shut down, conversation turns use " + catalog.chatModelToSend(id).map(r -> r.label())
                        .orElse("a direct edit instead"))).orElse(id);
    }

    private static String label(List<Choice> choices, String value) {
        return choices.stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst().orElse(value);
    }

    private static String capitalised(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    private static Optional<String> plain(List<String> values, String raw) {
        return values.stream().filter(v -> v.equalsIgnoreCase(raw.strip())).findFirst();
    }

    private static String chosen(String raw, String current, java.util.function.Function<String, Optional<String>> match,
                                 String invalid) {
        if (Choices.omitted(raw)) {
            return current;
        }
        return match.apply(raw).orElseThrow(() -> new UserInputException(invalid));
    }

    private static void addIfChanged(List<String> lines, String name, String before, String after,
                                     java.util.function.Function<String, String> label) {
        if (!Objects.equals(before, after)) {
            lines.add(name + ": " + label.apply(after));
        }
    }

    private void publish(Member me, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), action, target, before, after));
    }
}
