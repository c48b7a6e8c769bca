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

    AccessControl(WorkspaceSettingsRepository settings, RoleRules rules, Admission admission) {
        this.settings = settings;
        this.rules = rules;
        this.admission = admission;
    }

    public WorkspaceSettings settings(UUID workspaceId) {
        return settings.find(workspaceId);
    }

    /** How the workspace's new edit threads work; the caller has checked membership of that workspace. */
    public EditThreadDefaults threadDefaults(UUID workspaceId) {
        return settings.findThreadDefaults(workspaceId);
    }

    public EffectiveLimits limitsFor(UUID workspaceId, UUID userId, boolean workspaceAdmin) {
        List<RoleRule> workspaceRules = rules.rulesOf(workspaceId);
        Set<UUID> held = rules.rolesHeldBy(workspaceId, userId);
        boolean exempt = workspaceAdmin && settings.find(workspaceId).adminExemptFromCooldown();
        return AccessPolicy.limits(workspaceRules, held, exempt);
    }

    /**
     * The member's limits and usage as short texts for the Generate view ("Next generation in 42 s", "12 of 50
     * today", "$3.10 of $20.00 this month"). The caller has verified the membership (WorkspaceAccess).
     */
    public MemberLimits memberLimits(UUID workspaceId, UUID userId, boolean workspaceAdmin) {
        return MemberLimits.of(limitsFor(workspaceId, userId, workspaceAdmin), admission.usageOf(workspaceId, userId),
                admission.now());
    }
}
