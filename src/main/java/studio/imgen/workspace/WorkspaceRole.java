package studio.imgen.workspace;

import java.util.Objects;
import java.util.UUID;

/** A workspace role as admins and badges show it: a name unique in the workspace and a colour ({@code #rrggbb}). */
public record WorkspaceRole(UUID id, String name, String colour) {

    public WorkspaceRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(colour, "colour");
    }
}
