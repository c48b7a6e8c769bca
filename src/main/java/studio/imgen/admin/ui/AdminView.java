package studio.imgen.admin.ui;

import studio.imgen.workspace.ui.MembersTab;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.workspace.InvitationService;
import studio.imgen.workspace.MemberService;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.access.RoleAccessService;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.shell.MainLayout;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.ui.SessionPrincipal;
import studio.imgen.workspace.WorkspaceService;

/**
 * Workspace administration: settings (key, defaults, overview), members and the role access grid. The annotation is
 * a coarse gate on the session's role; every service call re-checks in the database that the caller administers the
 * active workspace, and a session whose admin right was revoked sees "page not found" like any member.
 * {@code ?tab=members} or {@code ?tab=roles} opens a tab directly.
 */
@Route(value = "admin", layout = MainLayout.class)
@Menu(title = "Admin", order = 5, icon = "vaadin:cog")
@PageTitle("Admin · ImGen Studio")
@RolesAllowed("ADMIN")
public class AdminView extends Div implements BeforeEnterObserver {

    static final List<String> TABS = List.of("settings", "members", "roles");

    private final WorkspaceSettingsService settings;
    private final MemberService members;
    private final RoleAccessService roles;
    private final WorkspaceService workspaces;
    private final CurrentUser currentUser;
    private final RetentionSettings retention;
    private final InvitationService invitations;
    private TabSheet tabs;

    AdminView(WorkspaceSettingsService settings, MemberService members, RoleAccessService roles,
              WorkspaceService workspaces, CurrentUser currentUser, RetentionSettings retention,
              InvitationService invitations) {
        this.invitations = invitations;
        this.settings = settings;
        this.members = members;
        this.roles = roles;
        this.workspaces = workspaces;
        this.currentUser = currentUser;
        this.retention = retention;
        addClassName("admin-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (tabs == null) {
            try {
                tabs = buildTabs();
            } catch (AccessDeniedException revoked) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            add(new H2("Workspace admin"), tabs);
        }
        event.getLocation().getQueryParameters().getSingleParameter("tab").map(TABS::indexOf).filter(i -> i >= 0)
                .ifPresent(tabs::setSelectedIndex);
    }

    private TabSheet buildTabs() {
        SettingsTab settingsTab = new SettingsTab(settings, retention);
        MembersTab membersTab = new MembersTab(members, invitations, me -> stepDown());
        RolesTab rolesTab = new RolesTab(roles);
        TabSheet sheet = new TabSheet();
        sheet.add("Settings", settingsTab);
        sheet.add("Members", membersTab);
        sheet.add("Roles & access", rolesTab);
        sheet.setWidthFull();
        // Each tab shows what the others may have changed (a rule in the overview, a new role in the member panel).
        sheet.addSelectedChangeListener(e -> {
            switch (sheet.getSelectedIndex()) {
                case 0 -> settingsTab.refresh();
                case 1 -> membersTab.refresh();
                default -> rolesTab.refresh();
            }
        });
        return sheet;
    }

    /** After removing their own admin right, the admin's session catches up and they leave the admin area. */
    private void stepDown() {
        var me = currentUser.require();
        SessionPrincipal.replace(currentUser, workspaces.switchTo(me.workspaceId()));
        UI.getCurrent().getPage().setLocation("/");
    }
}
