package studio.imgen.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import studio.imgen.base.ui.NoWorkspaceView;
import studio.imgen.admin.ui.AdminView;
import studio.imgen.audit.ui.AuditView;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.StudioUser;
import studio.imgen.testsupport.FieldInput;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;
import studio.imgen.workspace.WorkspaceSummary;
import org.springframework.beans.factory.annotation.Autowired;

class MainLayoutTest extends KaribuTest {

    @Autowired
    CurrentUser currentUser;

    @Test
    void memberSeesTheMemberNavigationOnly() {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        login(ana);
        navigate("");

        assertThat(navLabels()).containsExactly("Generate", "Threads", "Gallery", "Usage");
    }

    @Test
    void workspaceAdminAlsoSeesAdminAndAudit() {
        TestUser dana = users.admin(users.workspace("Acme"), "Dana");
        login(dana);
        navigate("");

        assertThat(navLabels()).containsExactly("Generate", "Threads", "Gallery", "Usage", "Admin", "Audit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "audit"})
    void memberOpeningAnAdminViewByUrlIsRefused(String route) {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        login(ana);

        // Navigation access control refuses it; Karibu's access-denied error view reports that by throwing (on Vaadin
        // 25 before it joins the router chain). Either way the view must not show.
        assertThat(catchThrowable(() -> navigate(route))).isInstanceOf(MockAccessDeniedException.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(target -> target instanceof AdminView || target instanceof AuditView);
    }

    @Test
    void switcherAppearsOnlyWithSeveralWorkspacesAndSwitchesTheActiveOne() {
        UUID acme = users.workspace("Acme");
        UUID beta = users.workspace("Beta");
        TestUser ana = users.member(acme, "Ana");
        login(ana);
        navigate("");
        _assertNone(Select.class, spec -> spec.withClasses("workspace-switcher"));

        users.join(ana, beta, true);
        login(ana, acme);
        navigate("gallery");
        @SuppressWarnings("unchecked")
        Select<WorkspaceSummary> switcher = _get(Select.class, spec -> spec.withClasses("workspace-switcher"));
        assertThat(switcher.getValue().id()).isEqualTo(acme);

        WorkspaceSummary target = switcher.getListDataView().getItems()
                .filter(w -> w.id().equals(beta)).findFirst().orElseThrow();
        FieldInput._setValue(switcher, target);

        StudioUser now = currentUser.require();
        assertThat(now.workspaceId()).isEqualTo(beta);
        assertThat(now.isWorkspaceAdmin()).isTrue();
    }

    @Test
    void userWhoMustChangePasswordIsSentToTheChangePasswordPage() {
        TestUser ben = users.create(users.workspace("Acme"), "Ben", false, true);
        StudioUser principal = login(ben);
        login(new StudioUser(principal.id(), principal.getUsername(), principal.displayName(), null, true, true,
                principal.membership()));
        navigate("gallery");

        _assertOne(studio.imgen.security.ui.ChangePasswordView.class);
    }

    @Test
    void userWithoutWorkspaceIsToldWhatToDo() {
        TestUser loner = users.create(null, "Loner", false, false);
        login(loner, null);
        navigate("");

        _assertOne(NoWorkspaceView.class);
    }

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
