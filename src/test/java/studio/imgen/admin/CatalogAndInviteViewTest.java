package studio.imgen.admin;

import studio.imgen.testsupport.CatalogSnapshot;
import studio.imgen.catalog.CatalogEntry;
import studio.imgen.workspace.CreatedInvitation;
import studio.imgen.workspace.InvitationAcceptance;
import studio.imgen.workspace.InvitationDraft;
import studio.imgen.workspace.InvitationExpiry;
import studio.imgen.workspace.InvitationService;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.workspace.ui.InviteView;
import studio.imgen.catalog.ui.ModelCatalogView;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.StudioUser;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers.TestUser;

/** The model catalogue view (instance admins only) and the invite page, without a browser. */
class CatalogAndInviteViewTest extends KaribuTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    InvitationService invitations;
    @Autowired
    ModelCatalog catalog;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWorkspaceAdminWithoutTheInstanceRightCannotOpenTheCatalogue() {
        TestUser dana = users.admin(users.workspace("Acme"), "Dana");
        login(dana);

        catchThrowable(() -> navigate("admin/models"));

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(ModelCatalogView.class::isInstance);
    }

    @Test
    void aSessionClaimingTheRightTheDatabaseDoesNotGrantSeesPageNotFound() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        login(new StudioUser(dana.id(), dana.username(), "Dana", null, true, false,
                new ActiveMembership(acme, "Acme", true), true));

        navigate("admin/models");

        assertThat(_find(ModelCatalogView.class)).isEmpty();
        _get(studio.imgen.base.ui.NotFoundView.class);
    }

    @Test
    void anInstanceAdminEditsAModelAndSeesValidationInTheDialog() {
        CatalogSnapshot snapshot = CatalogSnapshot.take(db);
        try {
            UUID acme = users.workspace("Acme");
            TestUser root = users.admin(acme, "Root");
            accounts.setInstanceAdmin(root.id(), true);
            login(new StudioUser(root.id(), root.username(), "Root", null, true, false,
                    new ActiveMembership(acme, "Acme", true), true));
            navigate("admin/models");

            @SuppressWarnings("unchecked")
            Grid<CatalogEntry> grid = _get(Grid.class, spec -> spec.withClasses("catalogue-grid"));
            assertThat(GridKt._size(grid)).isEqualTo(catalog.all().size());
            int row = 0;
            while (!GridKt._get(grid, row).model().id().equals("gpt-image-2")) {
                row++;
            }
            _click(_find(GridKt._getCellComponent(grid, row, "actions"), Button.class,
                    spec -> spec.withText("Edit")).get(0));
            _setValue(_get(TextField.class, spec -> spec.withLabel("Sizes")), "auto, 1000x1000");
            _click(_get(Button.class, spec -> spec.withText("Save")));
            assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText())
                    .isEqualTo("Size 1000x1000: width 1000 is not a multiple of 16 pixels: try 992 or 1008.");

            _setValue(_get(TextField.class, spec -> spec.withLabel("Sizes")), "auto, 1024x1024, 2048x2048");
            _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("Image output")), new BigDecimal("31"));
            _click(_get(Button.class, spec -> spec.withText("Save")));

            assertThat(catalog.find("gpt-image-2").orElseThrow().sizes()).containsExactly("auto", "1024x1024", "2048x2048");
            assertThat(catalog.find("gpt-image-2").orElseThrow().prices().imageOutPerMillion()).isEqualByComparingTo("31");
        } finally {
            snapshot.restore();
        }
    }

    @Test
    void theInvitePageShowsTheInvitationAndRefusesAnExpiredOneInOneSentence() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        LoggedIn.as(dana, memberships);
        CreatedInvitation created = invitations.create(new InvitationDraft(Set.of(), false, InvitationExpiry.ONE_DAY));
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);
        LoggedIn.nobody();

        navigate("invite/" + token);
        _get(InviteView.class);
        assertThat(_get(H2.class).getText()).startsWith("Join Acme");
        _get(PasswordField.class, spec -> spec.withLabel("Repeat password"));

        clock.advance(Duration.ofDays(2));
        navigate("login");
        navigate("invite/" + token);

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("invite-invalid")).getText())
                .isEqualTo(InvitationAcceptance.INVALID);
        assertThat(_get(Anchor.class).getHref()).isEqualTo("login");
        assertThat(_find(TextField.class)).isEmpty();
    }
}
