package studio.imgen.access;

import java.util.UUID;

/**
 * The workspace settings the access policy reads: the defaults it resolves a request against and whether admins skip
 * the cooldown. Implemented by the module that owns the settings (admin), which sits above this one and edits the
 * role rules through it, so this module names none of its types.
 */
public interface PolicySettings {

    /** The defaults, with a shut-down default model read as its replacement. */
    WorkspaceDefaults defaults(UUID workspaceId);

    boolean adminExemptFromCooldown(UUID workspaceId);
}
