package studio.imgen.audit.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import studio.imgen.base.ui.ComingSoon;
import studio.imgen.base.ui.MainLayout;

/** Audit: placeholder until this capability ships. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · ImGen Studio")
@RolesAllowed("ADMIN")
public class AuditView extends Div {

    AuditView() {
        add(new ComingSoon("Audit", "The audit log and usage reports arrive in a later release."));
    }
}
