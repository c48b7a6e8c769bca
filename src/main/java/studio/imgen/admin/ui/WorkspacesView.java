package studio.imgen.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.workspace.InvitationService;
import studio.imgen.admin.WorkspaceDirectoryService;
import studio.imgen.admin.WorkspaceOverview;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.ClientZone;
import studio.imgen.base.ui.DialogForm;
import studio.imgen.base.ui.LinkWarning;
import studio.imgen.shell.MainLayout;
import studio.imgen.base.ui.Notifications;
import studio.imgen.catalog.Money;

/**
 * Every workspace of the installation, for instance admins: members, key status and spend this month; create one
 * with its first admin, rename, archive and restore. The role annotation is a coarse gate; the service re-checks the
 * right in the database, and a session whose right was revoked sees "page not found".
 */
@Route(value = "admin/workspaces", layout = MainLayout.class)
@Menu(title = "Workspaces", order = 8, icon = "vaadin:building")
@PageTitle("Workspaces · ImGen Studio")
@RolesAllowed("INSTANCE_ADMIN")
public class WorkspacesView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final WorkspaceDirectoryService directory;
    private final Grid<WorkspaceOverview> grid = new Grid<>();

    WorkspacesView(WorkspaceDirectoryService directory, InvitationService invitations) {
        this.directory = directory;
        addClassNames("admin-view", "workspaces-view");
        Button create = new Button("New workspace", VaadinIcon.PLUS.create(),
                e -> new CreateWorkspaceDialog(directory, this::refresh).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph intro = new Paragraph("Each workspace is a team of its own: its key, members, roles, images and audit"
                + " log. Archiving locks its members out and keeps everything until you restore it. Spend counts this"
                + " month's generations (UTC), as the workspace's Usage page does.");
        intro.addClassName("hint");
        Div toolbar = new Div(create);
        toolbar.addClassName("button-row");

        grid.addClassName("workspaces-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::name).setHeader("Workspace").setKey("name").setFlexGrow(3);
        grid.addColumn(WorkspaceOverview::members).setHeader("Members").setKey("members").setFlexGrow(0)
                .setAutoWidth(true);
        grid.addComponentColumn(WorkspacesView::key).setHeader("OpenAI key").setKey("key").setFlexGrow(1);
        grid.addColumn(w -> Money.format(w.spentThisMonthMicros())).setHeader("Spend this month").setKey("spend")
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setFlexGrow(0).setAutoWidth(true);
        grid.setEmptyStateText("No workspaces yet. Create one to let a team start.");
        add(new H2("Workspaces"), intro);
        invitations.linkWarning().ifPresent(warning -> add(LinkWarning.of(warning)));
        add(toolbar, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            refresh();
        } catch (AccessDeniedException revoked) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void refresh() {
        grid.setItems(directory.all());
    }

    private Div name(WorkspaceOverview w) {
        Span name = new Span(w.name());
        name.addClassName("member-name");
        Div cell = new Div(name);
        cell.addClassName("member-who");
        var zone = ClientZone.of(getUI().orElse(null));
        Span since = new Span(w.archivedAt().map(at -> "Archived " + DAY.format(at.atZone(zone)))
                .orElse("Created " + DAY.format(w.createdAt().atZone(zone))));
        since.addClassName("model-id");
        cell.add(since);
        return cell;
    }

    private static Span key(WorkspaceOverview w) {
        return w.keyConfigured() ? badge("Set", "active") : badge("Not set", "warning");
    }

    private static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassNames("status-badge", variant);
        return badge;
    }

    private Div actions(WorkspaceOverview w) {
        Div actions = new Div();
        actions.addClassName("row-actions");
        Button rename = small("Rename", w, () -> {
            TextField name = new TextField("Name");
            name.setValue(w.name());
            name.setMaxLength(100);
            name.setWidthFull();
            name.setAutoselect(true);
            DialogForm dialog = new DialogForm("Rename workspace", "Rename", () -> directory.rename(w.id(),
                    name.getValue()), this::refresh, name);
            dialog.saveButton().addClickShortcut(Key.ENTER);
            dialog.open();
            name.focus();
        });
        actions.add(rename);
        if (w.archived()) {
            actions.add(small("Restore", w, () -> act(() -> directory.restore(w.id()))));
            return actions;
        }
        actions.add(small("Invite admin", w, () -> new AdminLinkDialog("Admin invitation for “" + w.name() + "”",
                directory.inviteAdmin(w.id())).open()));
        Button archive = small("Archive", w, () -> confirmArchive(w));
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(archive);
        return actions;
    }

    private void confirmArchive(WorkspaceOverview w) {
        ConfirmDialog confirm = new ConfirmDialog("Archive “" + w.name() + "”?",
                "Its " + w.members() + (w.members() == 1 ? " member" : " members") + " can no longer open it, and"
                        + " its open invitation links stop working. Images, settings and the audit log are kept; you"
                        + " can restore the workspace at any time.", "Archive", e -> act(() -> directory.archive(w.id())));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void act(Supplier<String> action) {
        try {
            Notifications.success(action.get());
        } catch (UserInputException refused) {
            Notifications.error(refused.getMessage());
        }
        refresh();
    }

    /** "Archive" on screen, "Archive Design team" for screen readers: every row has the same buttons. */
    private static Button small(String text, WorkspaceOverview w, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.setAriaLabel(text + " " + w.name());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
