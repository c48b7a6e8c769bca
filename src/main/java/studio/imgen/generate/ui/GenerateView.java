package studio.imgen.generate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.base.ui.ComingSoon;
import studio.imgen.base.ui.MainLayout;

/** Generate: placeholder until this capability ships. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Generate · ImGen Studio")
@PermitAll
public class GenerateView extends Div {

    GenerateView() {
        add(new ComingSoon("Generate", "Generating images arrives in the next release. Your workspace and account are ready."));
    }
}
