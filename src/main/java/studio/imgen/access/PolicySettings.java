package studio.imgen.access;

import java.util.UUID;

/**
 * The workspace settings the access policy reads: the defaults it resolves a request against and whether admins skip
 * the cooldown. Implemented by the module that owns the settings (admin), which sits above this one and edits the
 * role rules through it, so this module names none of its types.
 */
public interface PolicySettings {

    /** The workspace's policy settings, read once per question; a shut-down default model reads as its replacement. */
    Policy policy(UUID workspaceId);

    record Policy(WorkspaceDefaults defaults, boolean adminExemptFromCooldown) {
    }
}
