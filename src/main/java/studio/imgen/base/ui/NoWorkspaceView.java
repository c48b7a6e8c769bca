package studio.imgen.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** Shown to a user who belongs to no workspace (for example after being removed from their last one). */
@Route("no-workspace")
@PageTitle("No workspace · ImGen Studio")
@PermitAll
public class NoWorkspaceView extends VerticalLayout {

    NoWorkspaceView(AuthenticationContext authentication) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        Div card = new Div(new H2("You are not in a workspace yet"),
                new Paragraph("Ask a workspace admin to add you to their workspace, then log in again."),
                new Button("Log out", e -> authentication.logout()));
        card.addClassName("narrow-card");
        add(card);
    }
}
