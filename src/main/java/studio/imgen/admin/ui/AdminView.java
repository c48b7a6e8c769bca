package studio.imgen.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import studio.imgen.admin.MemberService;
import studio.imgen.admin.RoleAccessService;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.base.ui.MainLayout;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.ui.SessionPrincipal;
import studio.imgen.workspace.WorkspaceService;

/**
 * Workspace administration: settings (key, defaults, overview), members and the role access grid. The annotation is
 * a coarse gate; every service call re-checks in the database that the caller administers the active workspace.
 * {@code ?tab=members} or {@code ?tab=roles} opens a tab directly.
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · ImGen Studio")
@RolesAllowed("ADMIN")
public class AdminView extends Div implements BeforeEnterObserver {

    static final List<String> TABS = List.of("settings", "members", "roles");

    private final TabSheet tabs = new TabSheet();
    private final SettingsTab settingsTab;
    private final MembersTab membersTab;
    private final RolesTab rolesTab;

    AdminView(WorkspaceSettingsService settings, MemberService members, RoleAccessService roles,
              WorkspaceService workspaces, CurrentUser currentUser) {
        addClassName("admin-view");
        settingsTab = new SettingsTab(settings);
        membersTab = new MembersTab(members, me -> stepDown(workspaces, currentUser));
        rolesTab = new RolesTab(roles);
        tabs.add("Settings", settingsTab);
        tabs.add("Members", membersTab);
        tabs.add("Roles & access", rolesTab);
        tabs.setWidthFull();
        // Each tab shows what the others may have changed (a rule in the overview, a new role in the member panel).
        tabs.addSelectedChangeListener(e -> {
            switch (tabs.getSelectedIndex()) {
                case 0 -> settingsTab.refresh();
                case 1 -> membersTab.refresh();
                default -> rolesTab.refresh();
            }
        });
        add(new H2("Workspace admin"), tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("tab").map(TABS::indexOf).filter(i -> i >= 0)
                .ifPresent(tabs::setSelectedIndex);
    }

    /** After removing their own admin right, the admin's session catches up and they leave the admin area. */
    private static void stepDown(WorkspaceService workspaces, CurrentUser currentUser) {
        var me = currentUser.require();
        SessionPrincipal.replace(currentUser, workspaces.switchTo(me.workspaceId()));
        UI.getCurrent().getPage().setLocation("/");
    }
}
