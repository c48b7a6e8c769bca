package studio.imgen.workspace.ui;

import com.vaadin.flow.component.html.Span;
import studio.imgen.workspace.WorkspaceRole;

/** A role's name as a coloured badge. The colour is a validated {@code #rrggbb} from the database. */
public class RoleBadge extends Span {

    public RoleBadge(WorkspaceRole role) {
        super(role.name());
        addClassName("role-badge");
        getStyle().set("--role-colour", role.colour());
    }

    /** A plain status badge ("Admin", "Deactivated"). */
    public static Span status(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassNames("status-badge", variant);
        return badge;
    }
}
