package studio.imgen.workspace.ui;

import studio.imgen.base.ui.Actions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import studio.imgen.workspace.InvitationService;
import studio.imgen.workspace.OpenInvitation;

/** Invitation links that can still be used, with what they grant and when they expire; each can be revoked. */
class InvitationsCard extends Div {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final InvitationService invitations;
    private final Grid<OpenInvitation> grid = new Grid<>();

    InvitationsCard(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("admin-card");
        addClassName("invitations-card");
        grid.addClassName("invitations-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(InvitationsCard::grants).setHeader("Grants").setFlexGrow(2);
        grid.addColumn(i -> WHEN.format(i.expiresAt()) + " UTC").setHeader("Expires").setFlexGrow(1);
        grid.addColumn(OpenInvitation::createdBy).setHeader("Created by").setFlexGrow(1);
        grid.addComponentColumn(this::revokeButton).setHeader("").setFlexGrow(0).setAutoWidth(true);
        grid.setEmptyStateText("No open invitations. Create one with Invite with a link.");
        add(new H3("Open invitations"), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(invitations.open());
    }

    private static Div grants(OpenInvitation invitation) {
        Div badges = new Div();
        badges.addClassName("badges");
        invitation.roles().forEach(role -> badges.add(new RoleBadge(role)));
        if (invitation.admin()) {
            badges.add(RoleBadge.status("Admin", "admin"));
        }
        if (badges.getComponentCount() == 0) {
            Span none = new Span("Member, no roles");
            none.addClassName("hint");
            badges.add(none);
        }
        return badges;
    }

    private Button revokeButton(OpenInvitation invitation) {
        Button revoke = new Button("Revoke", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke this invitation?",
                    "Its link stops working at once. You can create a new one at any time.", "Revoke",
                    ok -> Actions.run(() -> invitations.revoke(invitation.id()), this::refresh));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return revoke;
    }
}
