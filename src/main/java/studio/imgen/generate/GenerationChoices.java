package studio.imgen.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import studio.imgen.admin.AccessControl;
import studio.imgen.admin.AccessPolicy;
import studio.imgen.admin.Admission;
import studio.imgen.admin.AllowedOptions;
import studio.imgen.admin.EffectiveLimits;
import studio.imgen.admin.ModelChoice;
import studio.imgen.admin.ModelShutdowns;
import studio.imgen.admin.OptionCatalog;
import studio.imgen.admin.Outcome;
import studio.imgen.admin.Refusal;
import studio.imgen.admin.RequestedOptions;
import studio.imgen.admin.ResolvedOptions;
import studio.imgen.admin.ShutdownNotice;
import studio.imgen.admin.WorkspaceSettings;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
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
    private final Admission admission;
    private final ModelCatalog catalog;
    private final ModelAvailability availability;
    private final ModelShutdowns shutdowns;

    GenerationChoices(AccessControl accessControl, Admission admission, ModelCatalog catalog,
                      ModelAvailability availability, ModelShutdowns shutdowns) {
        this.accessControl = accessControl;
        this.admission = admission;
        this.catalog = catalog;
        this.availability = availability;
        this.shutdowns = shutdowns;
    }

    GenerateForm form(Member me, String modelId) {
        WorkspaceSettings settings = accessControl.settings(me.workspaceId());
        EffectiveLimits limits = accessControl.limitsFor(me.workspaceId(), me.userId(), me.admin());
        List<ImageModel> offered = availability.offeredTo(me.workspaceId());
        OptionCatalog options = optionCatalogue(offered);
        List<ShutdownNotice> shutdownLines = me.admin() ? shutdowns.notices(me.workspaceId()) : List.of();
        boolean keyConfigured = settings.key().configured();
        Optional<Refusal> wait = AccessPolicy.check(limits, admission.usageOf(me.workspaceId(), me.userId()), admission.now());

        Outcome<ResolvedOptions> preselection = AccessPolicy.resolve(limits, options, settings.defaults(),
                new RequestedOptions(modelId, null, null));
        if (preselection instanceof Outcome.Refused<ResolvedOptions> refused) {
            return new GenerateForm(keyConfigured, me.admin(), Optional.of(refused.refusal().message()), List.of(),
                    null, List.of(), null, List.of(), null, "png", "auto", Optional.empty(), Optional.empty(), List.of(),
                    0, shutdownLines);
        }
        ResolvedOptions selected = preselection.orElseThrow();
        AllowedOptions allowed = AccessPolicy.options(limits, options, selected.model().id()).orElseThrow();
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
                selected.quality().value(), settings.defaultFormat(), settings.defaultBackground(),
                wait.filter(w -> noticeOnly).flatMap(Refusal::retryAt),
                wait.filter(w -> noticeOnly && !coolingDown).map(Refusal::message),
                accessControl.memberLimits(me.workspaceId(), me.userId(), me.admin()).lines(),
                allowed.customSizeMaxPixels(), shutdownLines);
    }

    /** The first reason a submission would be refused with now, in the server's order; see the service. */
    Optional<GenerationBlocked> blockedNow(Member me) {
        WorkspaceSettings settings = accessControl.settings(me.workspaceId());
        if (!settings.key().configured()) {
            return Optional.of(new GenerationBlocked(GenerationService.NO_KEY, Optional.empty()));
        }
        EffectiveLimits limits = accessControl.limitsFor(me.workspaceId(), me.userId(), me.admin());
        Optional<Refusal> refusal = AccessPolicy.check(limits, admission.usageOf(me.workspaceId(), me.userId()),
                admission.now());
        if (refusal.isEmpty() && AccessPolicy.resolve(limits, optionCatalogue(availability.offeredTo(me.workspaceId())),
                settings.defaults(), new RequestedOptions(null, null, null)) instanceof Outcome.Refused<ResolvedOptions> r) {
            refusal = Optional.of(r.refusal());
        }
        return refusal.map(r -> new GenerationBlocked(r.message(), r.retryAt()));
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

    static OptionCatalog optionCatalogue(List<ImageModel> offered) {
        return OptionCatalog.of(offered.stream()
                .map(m -> new ModelChoice(m.id(), m.label(), Set.copyOf(m.sizes()), Set.copyOf(m.qualities()),
                        m.supportsCustomSizes()))
                .toList());
    }
}
