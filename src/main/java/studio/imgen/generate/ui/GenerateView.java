package studio.imgen.generate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import studio.imgen.base.ui.ComingSoon;

/** Generate: placeholder until this capability ships. */
@Route("")
@PageTitle("Generate · ImGen Studio")
@PermitAll
class GenerateView extends Div {

    GenerateView() {
        add(new ComingSoon("Generate", "Generating images arrives in the next release. Your workspace and account are ready."));
    }
}
