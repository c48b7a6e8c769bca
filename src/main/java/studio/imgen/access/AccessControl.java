package studio.imgen.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import studio.imgen.catalog.ImageModel;

/**
 * The two questions the modules that generate ask: what may this member choose ({@link #choices}), and admit this
 * request ({@link #admissible}, then {@link #admit} inside the transaction that stores the job). Limits are
 * recomputed on every question from the workspace's current rules and the member's current roles (a role change
 * applies at once); the workspace defaults come in through {@link PolicySettings}. Callers have verified the
 * membership (WorkspaceAccess) and pass the models the workspace is offered.
 */
@Component
public class AccessControl {

    private final PolicySettings settings;
    private final RoleRules rules;
    private final Admission admission;
    private final ModelReplacements replacements;

    AccessControl(PolicySettings settings, RoleRules rules, Admission admission, ModelReplacements replacements) {
        this.settings = settings;
        this.rules = rules;
        this.admission = admission;
        this.replacements = replacements;
    }

    /**
     * The member's limits from the rules as stored, with shut-down models read as their replacements: on a shutdown
     * date nobody loses access before the lifecycle job has moved the rules for good.
     */
    public EffectiveLimits limitsFor(UUID workspaceId, UUID userId, boolean workspaceAdmin) {
        return limitsFor(workspaceId, userId, workspaceAdmin, settings.policy(workspaceId));
    }

    private EffectiveLimits limitsFor(UUID workspaceId, UUID userId, boolean workspaceAdmin,
                                      PolicySettings.Policy policy) {
        List<RoleRule> workspaceRules = rules.rulesOf(workspaceId).stream()
                .map(r -> r.withModels(replacements.current(workspaceId, r.models()))).toList();
        Set<UUID> held = rules.rolesHeldBy(workspaceId, userId);
        boolean exempt = workspaceAdmin && policy.adminExemptFromCooldown();
        return AccessPolicy.limits(workspaceRules, held, exempt);
    }

    /**
     * What may this member choose: the options their roles allow among the offered models, with {@code modelId} (null:
     * the workspace default or the first allowed) preselected; the refusal a submission would meet right now, if any;
     * and their limits and usage as short texts.
     */
    public MemberChoices choices(UUID workspaceId, UUID userId, boolean workspaceAdmin, List<ImageModel> offered,
                                 String modelId) {
        PolicySettings.Policy policy = settings.policy(workspaceId);
        EffectiveLimits limits = limitsFor(workspaceId, userId, workspaceAdmin, policy);
        UsageSnapshot usage = admission.usageOf(workspaceId, userId);
        Instant now = admission.now();
        OptionCatalog options = CatalogOptions.of(offered);
        Outcome<ResolvedOptions> preselection = AccessPolicy.resolve(limits, options, policy.defaults(),
                new RequestedOptions(modelId, null, null));
        Optional<AllowedOptions> allowed = preselection instanceof Outcome.Allowed<ResolvedOptions> selected
                ? Optional.of(AccessPolicy.options(limits, options, selected.value().model().id()).orElseThrow())
                : Optional.empty();
        return new MemberChoices(AccessPolicy.check(limits, usage, now), preselection, allowed,
                MemberLimits.of(limits, usage, now).lines());
    }

    /**
     * Admit this request, first half: may the member generate at all right now (a role that allows it, cooldown,
     * quotas, budget)? Throws {@link AccessRefusedException} with the member-facing reason; consumes nothing.
     */
    public Admissible admissible(UUID workspaceId, UUID userId, boolean workspaceAdmin) {
        return admissible(workspaceId, userId, workspaceAdmin, settings.policy(workspaceId));
    }

    /** {@link #admissible(UUID, UUID, boolean)} for a caller that has just read the workspace's settings itself. */
    public Admissible admissible(UUID workspaceId, UUID userId, boolean workspaceAdmin, PolicySettings.Policy policy) {
        EffectiveLimits limits = limitsFor(workspaceId, userId, workspaceAdmin, policy);
        AccessPolicy.check(limits, admission.usageOf(workspaceId, userId), admission.now()).ifPresent(refusal -> {
            throw new AccessRefusedException(refusal);
        });
        return new Admissible(workspaceId, userId, limits, policy.defaults());
    }

    /**
     * Admit this request, second half: consumes the member's cooldown and quotas atomically, or throws
     * {@link AccessRefusedException} when a concurrent submission got there first. Must run inside the transaction that
     * stores the job; the ticket goes on the job so that a failure can give the usage back.
     */
    public Admission.Ticket admit(Permit permit) {
        return admission.admit(permit.workspaceId(), permit.userId(), permit.limits());
    }

    /** A member who may generate now; {@link #permit} resolves what they asked for against their limits. */
    public record Admissible(UUID workspaceId, UUID userId, EffectiveLimits limits, WorkspaceDefaults defaults) {

        /** The request's model, size and quality resolved among the offered models, or {@link AccessRefusedException}. */
        public Permit permit(List<ImageModel> offered, RequestedOptions request) {
            ResolvedOptions options = AccessPolicy.resolve(limits, CatalogOptions.of(offered), defaults, request)
                    .orElseThrow();
            return new Permit(workspaceId, userId, limits, options);
        }
    }

    /** A request that passed every check, with the options it runs with; {@link #admit} consumes its usage. */
    public record Permit(UUID workspaceId, UUID userId, EffectiveLimits limits, ResolvedOptions options) {
    }
}
