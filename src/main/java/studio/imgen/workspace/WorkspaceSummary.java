package studio.imgen.workspace;

import java.util.UUID;

/** A workspace as its members see it in the switcher. */
public record WorkspaceSummary(UUID id, String name, boolean admin) {
}
