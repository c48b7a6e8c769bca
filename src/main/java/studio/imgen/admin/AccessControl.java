package studio.imgen.admin;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A member's effective limits, recomputed on every check from the workspace's current rules and the member's
 * current roles (a role change applies at once), plus the workspace settings that feed the access policy.
 */
@Component
public class AccessControl {

    private final WorkspaceSettingsRepository settings;
    private final RoleRules rules;
    private final Admission admission;
    private final ModelShutdowns shutdowns;

    AccessControl(WorkspaceSettingsRepository settings, RoleRules rules, Admission admission,
                  ModelShutdowns shutdowns) {
        this.settings = settings;
        this.rules = rules;
        this.admission = admission;
        this.shutdowns = shutdowns;
    }

    /** The settings, with a shut-down default model read as its replacement (see {@link #limitsFor}). */
    public WorkspaceSettings settings(UUID workspaceId) {
        WorkspaceSettings s = settings.find(workspaceId);
        if (s.defaultModel() == null) {
            return s;
        }
        String model = shutdowns.current(workspaceId, Set.of(s.defaultModel())).iterator().next();
        return new WorkspaceSettings(s.workspaceId(), model, s.defaultSize(), s.defaultQuality(), s.defaultFormat(),
                s.defaultBackground(), s.adminExemptFromCooldown(), s.key(), s.version());
    }

    /** How the workspace's new edit threads work; the caller has checked membership of that workspace. */
    public EditThreadDefaults threadDefaults(UUID workspaceId) {
        return settings.findThreadDefaults(workspaceId);
    }

    /**
     * The member's limits from the rules as stored, with shut-down models read as their replacements: on a shutdown
     * date nobody loses access before the lifecycle job has moved the rules for good.
     */
    public EffectiveLimits limitsFor(UUID workspaceId, UUID userId, boolean workspaceAdmin) {
        List<RoleRule> workspaceRules = rules.rulesOf(workspaceId).stream()
                .map(r -> r.withModels(shutdowns.current(workspaceId, r.models()))).toList();
        Set<UUID> held = rules.rolesHeldBy(workspaceId, userId);
        boolean exempt = workspaceAdmin && settings.find(workspaceId).adminExemptFromCooldown();
        return AccessPolicy.limits(workspaceRules, held, exempt);
    }

    /**
     * The member's limits and usage as short texts for the Generate view ("2 min cooldown after each generation", "12 of 50
     * today", "$3.10 of $20.00 this month"). The caller has verified the membership (WorkspaceAccess).
     */
    public MemberLimits memberLimits(UUID workspaceId, UUID userId, boolean workspaceAdmin) {
        return MemberLimits.of(limitsFor(workspaceId, userId, workspaceAdmin), admission.usageOf(workspaceId, userId),
                admission.now());
    }
}
