package studio.imgen.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import studio.imgen.access.AccessControl;
import studio.imgen.access.AllowedOptions;
import studio.imgen.access.MemberChoices;
import studio.imgen.access.ModelChoice;
import studio.imgen.access.Outcome;
import studio.imgen.access.Refusal;
import studio.imgen.access.ResolvedOptions;
import studio.imgen.admin.ModelShutdowns;
import studio.imgen.admin.ShutdownNotice;
import studio.imgen.admin.WorkspaceSettings;
import studio.imgen.admin.WorkspaceSettingsQuery;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * What a member may choose before submitting: the form with its models and options, whether they are blocked right
 * now and why, and what replaces a model that is gone. Creates and consumes nothing.
 */
@Component
class GenerationChoices {

    /** A request naming a shut-down model; the sentence goes on with what to use instead. */
    static final String MODEL_GONE = "That model is no longer available.";

    private final AccessControl accessControl;
    private final WorkspaceSettingsQuery workspaceSettings;
    private final ModelCatalog catalog;
    private final ModelAvailability availability;
    private final ModelShutdowns shutdowns;

    GenerationChoices(AccessControl accessControl, WorkspaceSettingsQuery workspaceSettings, ModelCatalog catalog,
                      ModelAvailability availability, ModelShutdowns shutdowns) {
        this.accessControl = accessControl;
        this.workspaceSettings = workspaceSettings;
        this.catalog = catalog;
        this.availability = availability;
        this.shutdowns = shutdowns;
    }

    GenerateForm form(Member me, String modelId) {
        WorkspaceSettings settings = workspaceSettings.settings(me.workspaceId());
        List<ImageModel> offered = availability.offeredTo(me.workspaceId());
        MemberChoices choices = accessControl.choices(me.workspaceId(), me.userId(), me.admin(), offered, modelId);
        List<ShutdownNotice> shutdownLines = me.admin() ? shutdowns.notices(me.workspaceId()) : List.of();
        boolean keyConfigured = settings.key().configured();
        Optional<Refusal> wait = choices.refusal();

        Outcome<ResolvedOptions> preselection = choices.preselection();
        if (preselection instanceof Outcome.Refused<ResolvedOptions> refused) {
            return new GenerateForm(keyConfigured, me.admin(), Optional.of(refused.refusal().message()), List.of(),
                    null, List.of(), null, List.of(), null, OutputFormat.PNG, Background.AUTO, Optional.empty(), Optional.empty(), List.of(),
                    0, shutdownLines);
        }
        ResolvedOptions selected = preselection.orElseThrow();
        AllowedOptions allowed = choices.allowed().orElseThrow();
        Set<String> allowedIds = allowed.models().stream().map(ModelChoice::id).collect(Collectors.toSet());
        List<GenerateForm.ModelOption> models = offered.stream().filter(m -> allowedIds.contains(m.id()))
                .map(m -> new GenerateForm.ModelOption(m.id(), m.label(), m.retirementWarning(catalog.today()),
                        m.supportsTransparent(), m.maxReferenceImages(), m.supportsInputFidelity(), m.maxImages()))
                .toList();
        boolean noticeOnly = wait.isPresent() && wait.get().reason() != Refusal.Reason.NO_ROLE;
        // A cooldown is shown as a live countdown alone: a sentence beside it would soon disagree with it.
        boolean coolingDown = noticeOnly && wait.get().reason() == Refusal.Reason.COOLDOWN;
        return new GenerateForm(keyConfigured, me.admin(),
                wait.filter(w -> !noticeOnly).map(Refusal::message),
                models, selected.model().id(), allowed.sizes(), selected.size().value(), allowed.qualities(),
                selected.quality().value(), OutputFormat.parse(settings.defaultFormat()),
                Background.parse(settings.defaultBackground()),
                wait.filter(w -> noticeOnly).flatMap(Refusal::retryAt),
                wait.filter(w -> noticeOnly && !coolingDown).map(Refusal::message),
                choices.limitLines(),
                allowed.customSizeMaxPixels(), shutdownLines);
    }

    /** The first reason a submission would be refused with now, in the server's order; see the service. */
    Optional<GenerationBlocked> blockedNow(Member me) {
        WorkspaceSettings settings = workspaceSettings.settings(me.workspaceId());
        if (!settings.key().configured()) {
            return Optional.of(new GenerationBlocked(GenerationService.NO_KEY, Optional.empty()));
        }
        return accessControl.choices(me.workspaceId(), me.userId(), me.admin(),
                availability.offeredTo(me.workspaceId()), null).blocked().map(r -> new GenerationBlocked(r.message(), r.retryAt()));
    }

    /**
     * When a model named by a request or by settings being reused can no longer be used by this workspace: the
     * sentence and the offered replacement. Empty for a model still offered, or unknown to the catalogue.
     */
    Optional<ModelGone> goneNotice(String requested, List<ImageModel> offered) {
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        String wanted = requested.strip();
        // The usual case, a model still offered, needs no catalogue read.
        if (offered.stream().anyMatch(m -> m.id().equalsIgnoreCase(wanted))) {
            return Optional.empty();
        }
        Optional<ImageModel> named = catalog.all().stream()
                .filter(m -> m.id().equalsIgnoreCase(wanted) || m.label().equalsIgnoreCase(wanted)).findFirst();
        if (named.isEmpty() || !named.get().enabled() || offered.stream().anyMatch(m -> m.id().equals(named.get().id()))) {
            return Optional.empty();
        }
        Optional<ImageModel> replacement = catalog.imageModelReplacing(named.get().id(),
                r -> offered.stream().anyMatch(o -> o.id().equals(r.id())));
        return Optional.of(new ModelGone(MODEL_GONE + replacement.map(r -> " Use " + r.label() + " instead.")
                .orElse(" Choose another model."), replacement.map(ImageModel::id)));
    }
}
