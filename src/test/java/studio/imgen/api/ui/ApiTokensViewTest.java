package studio.imgen.api.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static studio.imgen.testsupport.FieldInput._setValue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.api.ApiToken;
import studio.imgen.api.ApiTokenService;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers.TestUser;

/** The API tokens page: create (secret shown once), see, revoke; admins also see everyone's tokens. */
class ApiTokensViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void aMemberCreatesATokenSeesTheSecretOnceAndRevokesIt() {
        UUID workspace = users.workspaceWithKey("Tokens");
        TestUser ana = users.member(workspace, "Ana");
        login(ana);
        navigate("api-tokens");
        Grid<ApiToken> mine = grid(0);
        assertThat(GridKt._size(mine)).isZero();
        assertThat(mine.getEmptyStateText()).startsWith("No tokens yet");
        assertThat(_find(H3.class, spec -> spec.withText("All tokens in this workspace"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("New token")));
        _click(_get(Button.class, spec -> spec.withText("Create token")));
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText()).startsWith("Give the token a name");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "nightly renders");
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        TextField secret = _get(TextField.class, spec -> spec.withLabel("Your new token"));
        assertThat(secret.getValue()).matches("imgs_[A-Za-z0-9_-]{43}");
        assertThat(secret.isReadOnly()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Done")));
        assertThat(_find(TextField.class, spec -> spec.withLabel("Your new token"))).isEmpty();
        assertThat(GridKt._size(mine)).isEqualTo(1);
        assertThat(GridKt._get(mine, 0).name()).isEqualTo("nightly renders");
        assertThat(GridKt._getFormattedRow(mine, 0)).contains(secret.getValue().substring(0, 9) + "…", "Never");

        _click(_find(GridKt._getCellComponent(mine, 0, "revoke"), Button.class).get(0));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._get(mine, 0).state()).isEqualTo(ApiToken.State.REVOKED);
        assertThat(((Span) GridKt._getCellComponent(mine, 0, "state")).getText()).isEqualTo("Revoked");
        assertThat(_find(GridKt._getCellComponent(mine, 0, "revoke"), Button.class)).isEmpty();
    }

    @Test
    void anAdminSeesAndRevokesEveryMembersTokens() {
        UUID workspace = users.workspaceWithKey("Tokens");
        TestUser ben = users.member(workspace, "Ben");
        TestUser dana = users.admin(workspace, "Dana");
        LoggedIn.as(ben, memberships);
        tokens.create("ben's script", 30);
        LoggedIn.nobody();
        login(dana);
        navigate("api-tokens");

        Grid<ApiToken> all = grid(1);
        assertThat(GridKt._size(grid(0))).isZero();
        assertThat(GridKt._size(all)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(all, 0)).contains("ben's script", "Ben");
        _click(_find(GridKt._getCellComponent(all, 0, "revoke"), Button.class).get(0));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._get(all, 0).state()).isEqualTo(ApiToken.State.REVOKED);
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApiToken> grid(int index) {
        List<Grid> grids = _find(Grid.class, spec -> spec.withClasses("token-grid"));
        return grids.get(index);
    }
}
