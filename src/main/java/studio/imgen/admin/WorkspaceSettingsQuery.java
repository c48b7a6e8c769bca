package studio.imgen.admin;

import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import studio.imgen.access.ModelReplacements;
import studio.imgen.access.PolicySettings;

/**
 * A workspace's settings as the modules that generate read them, with a shut-down default model read as its
 * replacement. Also what the access policy reads of them ({@link PolicySettings}). Callers have checked membership of
 * the workspace.
 */
@Component
public class WorkspaceSettingsQuery implements PolicySettings {

    private final WorkspaceSettingsRepository settings;
    private final ModelReplacements replacements;

    WorkspaceSettingsQuery(WorkspaceSettingsRepository settings, ModelReplacements replacements) {
        this.settings = settings;
        this.replacements = replacements;
    }

    public WorkspaceSettings settings(UUID workspaceId) {
        WorkspaceSettings s = settings.find(workspaceId);
        if (s.defaultModel() == null) {
            return s;
        }
        String model = replacements.current(workspaceId, Set.of(s.defaultModel())).iterator().next();
        return new WorkspaceSettings(s.workspaceId(), model, s.defaultSize(), s.defaultQuality(), s.defaultFormat(),
                s.defaultBackground(), s.adminExemptFromCooldown(), s.key(), s.version());
    }

    /** How the workspace's new edit threads work. */
    public EditThreadDefaults threadDefaults(UUID workspaceId) {
        return settings.findThreadDefaults(workspaceId);
    }

    @Override
    public Policy policy(UUID workspaceId) {
        return settings(workspaceId).policy();
    }
}
