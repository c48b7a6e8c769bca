package studio.imgen.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.api.ApiTokenService;
import studio.imgen.base.AppProperties;
import studio.imgen.shell.MainLayout;
import studio.imgen.security.CurrentUser;

/**
 * A member's personal access tokens for the images API (create, see last use, revoke); workspace admins also see and
 * can revoke every member's tokens. What a token may do is decided per call by the member's roles, not here.
 */
@Route(value = "api-tokens", layout = MainLayout.class)
@PageTitle("API tokens · ImGen Studio")
@PermitAll
public class ApiTokensView extends Div {

    ApiTokensView(ApiTokenService tokens, CurrentUser currentUser, AppProperties app) {
        addClassName("api-tokens-view");
        String base = (app.publicUrl() == null ? "" : app.publicUrl().replaceAll("/+$", "")) + "/v1";
        Paragraph intro = new Paragraph("Use ImGen Studio from scripts and tools with any OpenAI client: set its base URL "
                + "to " + base + " and its API key to one of your tokens. Every call follows your roles, cooldown, "
                + "quotas and budget, like the Generate page, and lands in the gallery and the audit log.");
        intro.addClassName("hint");

        TokenGrid mine = new TokenGrid(false, tokens::mine, tokens::revoke,
                "No tokens yet. Create one to generate images from a script.");
        TokenGrid all = currentUser.require().isWorkspaceAdmin()
                ? new TokenGrid(true, tokens::workspaceTokens, tokens::revokeAsAdmin,
                        "Nobody in this workspace has created a token yet.")
                : null;
        Runnable refreshAll = () -> {
            mine.refresh();
            if (all != null) {
                all.refresh();
            }
        };
        mine.afterRevoke(refreshAll);
        Button create = new Button("New token", VaadinIcon.PLUS.create(),
                e -> new NewTokenDialog(tokens, refreshAll).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H3("Your tokens"), create);
        header.addClassName("token-header");
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        header.setWidthFull();
        Div own = new Div(header, mine);
        own.addClassName("token-card");
        add(new H2("API tokens"), intro, own);

        if (all != null) {
            all.afterRevoke(mine::refresh);
            Div workspace = new Div(new H3("All tokens in this workspace"), new Paragraph(
                    "Revoke a token when a script is retired or a secret may have leaked; it stops at once."), all);
            workspace.addClassName("token-card");
            add(workspace);
        }
    }
}
