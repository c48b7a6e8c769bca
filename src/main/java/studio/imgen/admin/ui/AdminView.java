package studio.imgen.admin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import studio.imgen.base.ui.ComingSoon;
import studio.imgen.base.ui.MainLayout;

/** Admin: placeholder until this capability ships. */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · ImGen Studio")
@RolesAllowed("ADMIN")
public class AdminView extends Div {

    AdminView() {
        add(new ComingSoon("Admin", "Workspace settings, members and role access arrive in a later release."));
    }
}
