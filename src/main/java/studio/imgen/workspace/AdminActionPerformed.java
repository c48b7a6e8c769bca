package studio.imgen.workspace;

import java.util.Objects;
import java.util.UUID;

/**
 * An admin changed something in a workspace (imgen-behaviour.md §7: "admin actions are audited with actor and
 * before→after"). Published after the change is stored, for the audit log to record. {@code before} and
 * {@code after} are readable texts; an API key is only ever described ("configured, ends with …abcd"), never
 * included.
 *
 * @param action what happened, e.g. {@code api_key.set}, {@code defaults.updated}, {@code rule.updated}
 * @param actorId the admin, or null for a change the application made by itself (a model's shutdown date passed)
 * @param target what it happened to, e.g. a role or member name; empty for workspace-wide settings
 */
public record AdminActionPerformed(UUID workspaceId, UUID actorId, String action, String target, String before,
                                   String after) {

    public AdminActionPerformed {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    /** A change nobody made by hand, e.g. a shut-down model replaced where the workspace used it. */
    public static AdminActionPerformed system(UUID workspaceId, String action, String target, String before,
                                              String after) {
        return new AdminActionPerformed(workspaceId, null, action, target, before, after);
    }
}
