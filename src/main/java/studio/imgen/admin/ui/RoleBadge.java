package studio.imgen.admin.ui;

import com.vaadin.flow.component.html.Span;
import studio.imgen.admin.WorkspaceRole;

/** A role's name as a coloured badge. The colour is a validated {@code #rrggbb} from the database. */
class RoleBadge extends Span {

    RoleBadge(WorkspaceRole role) {
        super(role.name());
        addClassName("role-badge");
        getStyle().set("--role-colour", role.colour());
    }

    /** A plain status badge ("Admin", "Deactivated"). */
    static Span status(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassNames("status-badge", variant);
        return badge;
    }
}
