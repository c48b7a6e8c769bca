package studio.imgen.shell;


import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.StudioUser;
import studio.imgen.security.ui.SessionPrincipal;
import studio.imgen.workspace.WorkspaceService;
import studio.imgen.workspace.WorkspaceSummary;

/**
 * The application shell: side navigation built from the views' {@code @Menu} entries (admin entries only for
 * workspace admins; the views enforce it again),
 * the workspace switcher and the user menu. Sends users who must change their password, or who belong to no
 * workspace, to the page that explains what to do.
 */
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final CurrentUser currentUser;
    private final WorkspaceService workspaces;

    MainLayout(CurrentUser currentUser, WorkspaceService workspaces, AuthenticationContext authentication) {
        this.currentUser = currentUser;
        this.workspaces = workspaces;
        StudioUser me = currentUser.require();
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("ImGen Studio");
        brand.addClassName("brand");
        Div drawerHeader = new Div(brand);
        drawerHeader.addClassName("drawer-header");
        addToDrawer(drawerHeader, navigation());

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        HorizontalLayout header = new HorizontalLayout(toggle);
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Div spacer = new Div();
        header.addAndExpand(spacer);
        workspaceSwitcher(me, workspaces.myWorkspaces()).ifPresent(header::add);
        header.add(userMenu(me, authentication));
        addToNavbar(header);
        ThemePreference.apply(UI.getCurrent());
    }

    /**
     * The side navigation from the views' {@code @Menu} annotations, in their order: Vaadin lists only the views the
     * user may enter (their access annotations), so admin entries appear for workspace admins, the catalogue for
     * instance admins. The shell names no view.
     */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon())));
        }
        nav.addClassName("main-nav");
        return nav;
    }

    private Optional<Select<WorkspaceSummary>> workspaceSwitcher(StudioUser me, List<WorkspaceSummary> mine) {
        if (mine.size() < 2) {
            return Optional.empty();
        }
        Select<WorkspaceSummary> select = new Select<>();
        select.setAriaLabel("Workspace");
        select.addClassName("workspace-switcher");
        select.setItems(mine);
        select.setItemLabelGenerator(WorkspaceSummary::name);
        mine.stream().filter(w -> w.id().equals(me.workspaceId())).findFirst().ifPresent(select::setValue);
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                StudioUser switched = workspaces.switchTo(e.getValue().id());
                SessionPrincipal.replace(currentUser, switched);
                UI.getCurrent().getPage().setLocation("/");
            }
        });
        return Optional.of(select);
    }

    private static MenuBar userMenu(StudioUser me, AuthenticationContext authentication) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("user-menu");
        Avatar avatar = new Avatar(me.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout label = new HorizontalLayout(avatar, new Span(me.displayName()));
        label.setAlignItems(FlexComponent.Alignment.CENTER);
        label.setSpacing(true);
        MenuItem root = menu.addItem(label);
        root.setAriaLabel("User menu");
        SubMenu sub = root.getSubMenu();
        if (me.membership() != null) {
            MenuItem workspace = sub.addItem(new Span("Workspace: " + me.membership().workspaceName()));
            workspace.setEnabled(false);
        }
        sub.addItem("API tokens", e -> UI.getCurrent().navigate("api-tokens"));
        sub.addItem("Change password", e -> UI.getCurrent().navigate("change-password"));
        sub.addItem("Toggle dark theme", e -> ThemePreference.toggle(UI.getCurrent()));
        sub.addItem("Log out", e -> authentication.logout());
        return menu;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StudioUser me = currentUser.require();
        if (me.mustChangePassword()) {
            event.forwardTo("change-password");
        } else if (me.workspaceId() == null) {
            event.forwardTo("no-workspace");
        }
    }
}
