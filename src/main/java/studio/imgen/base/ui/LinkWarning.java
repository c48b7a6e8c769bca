package studio.imgen.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The warning that invitation links lead to another address than the one the admin uses. */
public final class LinkWarning {

    private LinkWarning() {
    }

    public static Div of(String sentence) {
        Div warning = new Div(VaadinIcon.WARNING.create(), new Span(sentence));
        warning.addClassNames("banner", "link-warning");
        return warning;
    }
}
