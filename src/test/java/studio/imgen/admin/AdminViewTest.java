package studio.imgen.admin;

import studio.imgen.access.RoleOverview;

import studio.imgen.workspace.MemberSummary;
import studio.imgen.workspace.WorkspaceRole;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.admin.ui.AdminView;
import studio.imgen.base.ui.StatusLine;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;

/** The admin view without a browser: access, tabs, and that actions reach the services and show their answers. */
class AdminViewTest extends KaribuTest {

    @Autowired
    ApiKeyVault vault;
    @Autowired
    studio.imgen.security.CurrentUser currentUser;

    @Test
    void aMemberOpeningTheAdminViewByUrlIsRefused() {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        login(ana);

        // Karibu's access-denied error view reports the refusal by throwing (on Vaadin 25 before it joins the chain).
        assertThat(catchThrowable(() -> openTab("members"))).isInstanceOf(MockAccessDeniedException.class);

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).noneMatch(AdminView.class::isInstance);
    }

    @Test
    void aSessionWhoseAdminRightWasRevokedSeesPageNotFound() {
        UUID acme = users.workspace("Acme");
        users.admin(acme, "Dana");
        TestUser ben = users.member(acme, "Ben");
        // Ben's session still claims admin (rights revoked since login); the database says member.
        login(new studio.imgen.security.StudioUser(ben.id(), ben.username(), "Ben", null, true, false,
                new studio.imgen.security.ActiveMembership(acme, "Acme", true)));

        navigate("admin");

        assertThat(_find(AdminView.class)).isEmpty();
        _get(studio.imgen.base.ui.NotFoundView.class);
    }

    @Test
    void anAdminWhoRemovesTheirOwnAdminRightLeavesWithAnUpdatedSession() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        users.admin(acme, "Abe");
        login(dana);
        openTab("members");
        @SuppressWarnings("unchecked")
        Grid<MemberSummary> grid = _get(Grid.class, spec -> spec.withClasses("members-grid"));
        grid.select(grid.getListDataView().getItems().filter(MemberSummary::you).findFirst().orElseThrow());

        _click(_get(Button.class, spec -> spec.withText("Remove admin right")));

        assertThat(notices()).contains("Dana is no longer an admin of this workspace.");
        assertThat(currentUser.require().isWorkspaceAdmin()).isFalse();
    }

    @Test
    void anAdminSeesSettingsMembersAndRoles() {
        TestUser dana = users.admin(users.workspace("Acme"), "Dana");
        login(dana);
        navigate("admin");

        _get(AdminView.class);
        assertThat(_find(Tab.class).stream().map(Tab::getLabel)).containsExactly("Settings", "Members", "Roles & access");
        assertThat(_get(StatusLine.class, spec -> spec.withClasses("key-status")).text()).isEqualTo("Not set");
        assertThat(texts()).contains("Open access (no role restrictions)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConversationModelIsPickedFromTheOfferedChatModels() {
        login(users.admin(users.workspace("Acme"), "Dana"));
        navigate("admin");

        com.vaadin.flow.component.select.Select<String> chat = _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withLabel("Conversation model"));
        assertThat(chat.getListDataView().getItems().toList())
                .containsExactly("gpt-5.4-mini", "gpt-5.4", "gpt-5.4-nano", "gpt-5.5", "gpt-5.2");
        assertThat(chat.getItemLabelGenerator().apply("gpt-5.4")).isEqualTo("GPT-5.4");
        assertThat(chat.getValue()).isEqualTo("gpt-5.4-mini");

        _setValue(chat, "gpt-5.5");
        _click(_get(Button.class, spec -> spec.withText("Save edit-thread defaults")));
        assertThat(notices()).contains("New edit threads: Conversation · conversation model GPT-5.5 (gpt-5.5)");
        assertThat(texts()).contains("Conversation model: GPT-5.5 (gpt-5.5)");
    }

    @Test
    void creatingARoleAndARuleShowsTheRuleInTheGrid() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        login(dana);
        openTab("roles");
        @SuppressWarnings("unchecked")
        Grid<RoleOverview> grid = _get(Grid.class, spec -> spec.withClasses("roles-grid"));
        assertThat(GridKt._size(grid)).isZero();

        _click(_get(Button.class, spec -> spec.withText("New role")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Designers");
        _click(_get(Button.class, spec -> spec.withText("Create role")));
        assertThat(GridKt._size(grid)).isOne();

        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, spec -> spec.withText("Add access rule…")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Cooldown (seconds)")), "abc");
        _click(_get(Button.class, spec -> spec.withText("Save rule")));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText()).isEqualTo("Cooldown must be a number.");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Cooldown (seconds)")), "30");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> sizes = _get(CheckboxGroup.class, spec -> spec.withLabel("Sizes"));
        _setValue(sizes, Set.of("1024x1024"));
        _click(_get(Button.class, spec -> spec.withText("Save rule")));
        // Issue 14: Dana holds no role, so the first rule would lock her out; she takes the role.
        ConfirmDialog lockOut = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(lockOut)).isEqualTo("You would lose access to image generation");
        ConfirmDialogKt._fireConfirm(lockOut);

        assertThat(notices()).contains("Updated access for Designers. You now hold the Designers role, so you can"
                + " still generate.");
        assertThat(GridKt._get(grid, 0).summary()).isEqualTo("Designers: 30s cooldown · Models: All models"
                + " · Sizes: 1024x1024 (Square) · Qualities: All qualities (auto allowed)");
        assertThat(texts()).contains(
                "Access is restricted: only members who hold at least one role with an access rule may generate,"
                        + " within the most generous of their roles' rules.");
    }

    @Test
    void clearAllRulesAsksFirstThenOpensAccess() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        login(dana);
        openTab("roles");
        _click(_get(Button.class, spec -> spec.withText("New role")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Designers");
        _click(_get(Button.class, spec -> spec.withText("Create role")));
        _click(_get(Button.class, spec -> spec.withText("Add or update access rule")));
        @SuppressWarnings("unchecked")
        var role = (com.vaadin.flow.component.select.Select<WorkspaceRole>) _get(
                com.vaadin.flow.component.select.Select.class, spec -> spec.withLabel("Role"));
        _setValue(role, role.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Save rule")));
        ConfirmDialog lockOut = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireReject(lockOut);
        lockOut.close(); // the browser closes it on the click; Karibu only fires the event
        assertThat(notices()).contains("Updated access for Designers.");

        _click(_get(Button.class, spec -> spec.withText("Clear all rules…")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).startsWith("Access becomes open to every member of the workspace");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(notices()).contains("All role restrictions cleared. Image generation is now open to everyone.");
        assertThat(texts()).anyMatch(t -> t.startsWith("Open access: no role has an access rule"));
    }

    @Test
    void theKeyFieldIsEmptiedAndOnlyTheLastFourCharactersAreShown() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        login(dana);
        navigate("admin");
        String canary = studio.imgen.testsupport.Canaries.fresh();

        PasswordField field = _get(PasswordField.class, spec -> spec.withLabel("New API key"));
        _setValue(field, canary);
        _click(_get(Button.class, spec -> spec.withText("Set key")));

        assertThat(field.getValue()).isEmpty();
        assertThat(vault.decrypt(acme)).contains(canary);
        assertThat(notices()).contains("OpenAI API key has been set for this workspace.");
        assertThat(_get(StatusLine.class, spec -> spec.withClasses("key-status")).text())
                .startsWith("Configured · ends with …" + canary.substring(canary.length() - 4) + " · set by Dana on ");
        assertThat(everyElementText(UI.getCurrent())).doesNotContain(canary);

        _click(_get(Button.class, spec -> spec.withText("Clear key…")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(vault.configured(acme)).isFalse();
        assertThat(_get(StatusLine.class, spec -> spec.withClasses("key-status")).text()).isEqualTo("Not set");
    }

    @Test
    void membersAreCreatedAndGivenRolesShownAsBadges() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        login(dana);
        openTab("roles");
        _click(_get(Button.class, spec -> spec.withText("New role")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Interns");
        _click(_get(Button.class, spec -> spec.withText("Create role")));

        openTab("members");
        _click(_get(Button.class, spec -> spec.withText("New member")));
        String username = studio.imgen.testsupport.TestUsers.unique("erin");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), username);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Display name")), "Erin");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Initial password")), "short");
        _click(_get(Button.class, spec -> spec.withText("Create member")));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText()).isEqualTo("Use at least 8 characters.");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Initial password")), "a fine first password");
        _click(_get(Button.class, spec -> spec.withText("Create member")));

        @SuppressWarnings("unchecked")
        Grid<MemberSummary> grid = _get(Grid.class, spec -> spec.withClasses("members-grid"));
        MemberSummary erin = Stream.iterate(0, i -> i + 1).limit(GridKt._size(grid)).map(i -> GridKt._get(grid, i))
                .filter(m -> m.username().equals(username)).findFirst().orElseThrow();
        grid.select(erin);
        @SuppressWarnings("unchecked")
        CheckboxGroup<WorkspaceRole> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));
        _setValue(roles, Set.copyOf(roles.getListDataView().getItems().toList()));
        _click(_get(Button.class, spec -> spec.withText("Save roles")));

        assertThat(notices()).contains("Roles of Erin: Interns.");
        int row = Stream.iterate(0, i -> i + 1).limit(GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).userId().equals(erin.userId())).findFirst().orElseThrow();
        assertThat(GridKt._get(grid, row).roles()).extracting(WorkspaceRole::name).containsExactly("Interns");
        assertThat(everyElementText(GridKt._getCellComponent(grid, row, "roles"))).contains("Interns");
    }

    private static void openTab(String tab) {
        UI.getCurrent().navigate("admin", com.vaadin.flow.router.QueryParameters.of("tab", tab));
    }

    /** Every line of every open notification, oldest first. */
    private static List<String> notices() {
        List<String> lines = new java.util.ArrayList<>();
        NotificationsKt.getNotifications().forEach(n -> n.getElement().getChildren().forEach(c -> textsOf(c, lines)));
        return lines;
    }

    private static void textsOf(com.vaadin.flow.dom.Element element, List<String> lines) {
        if (!element.getText().isBlank()) {
            lines.add(element.getText());
        }
        element.getChildren().forEach(child -> textsOf(child, lines));
    }

    private static List<String> texts() {
        return _find(Component.class).stream().map(c -> c.getElement().getText()).filter(t -> !t.isBlank()).toList();
    }

    /** All text and every property value in the component's element tree (what the browser could be sent). */
    private static String everyElementText(Component root) {
        StringBuilder all = new StringBuilder();
        collect(root.getElement(), all);
        return all.toString();
    }

    private static void collect(com.vaadin.flow.dom.Element element, StringBuilder all) {
        all.append(element.getText()).append('\n');
        element.getPropertyNames().forEach(p -> all.append(element.getProperty(p, "")).append('\n'));
        element.getAttributeNames().forEach(a -> all.append(element.getAttribute(a)).append('\n'));
        element.getChildren().forEach(child -> collect(child, all));
    }
}
