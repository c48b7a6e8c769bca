package studio.imgen.admin;

import studio.imgen.access.PolicySettings;
import studio.imgen.access.WorkspaceDefaults;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace's settings as services read them. Carries the key's status only ("configured · …abcd"), never the key.
 */
public record WorkspaceSettings(UUID workspaceId, String defaultModel, String defaultSize, String defaultQuality,
                                String defaultFormat, String defaultBackground, boolean adminExemptFromCooldown,
                                KeyStatus key, int version) {

    public WorkspaceDefaults defaults() {
        return new WorkspaceDefaults(defaultModel, defaultSize, defaultQuality);
    }

    /** What the access policy reads of these settings. */
    public PolicySettings.Policy policy() {
        return new PolicySettings.Policy(defaults(), adminExemptFromCooldown);
    }

    /** What anyone may know about the stored key: whether it is set, its last four characters, by whom and when. */
    public record KeyStatus(boolean configured, String last4, String setBy, Instant setAt) {
        public static final KeyStatus NOT_SET = new KeyStatus(false, null, null, null);
    }
}
