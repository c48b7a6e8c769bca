package studio.imgen.admin;

import java.util.UUID;

/**
 * The workspace's generation-log webhook as one line for the settings overview. Implemented by the audit module,
 * which owns the webhook (admin must not depend on audit). The caller has verified that the workspace is the
 * admin's own.
 */
public interface LogDestination {

    /** E.g. "https://hooks.slack.com/… · last delivery succeeded 21 Nov 2026 10:02 UTC", never the URL's secret path. */
    String describe(UUID workspaceId);
}
