package studio.imgen.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a view whose capability has not shipped yet shows: an honest sentence instead of a broken page. */
public class ComingSoon extends Div {

    public ComingSoon(String title, String explanation) {
        addClassName("coming-soon");
        var icon = VaadinIcon.TOOLS.create();
        icon.addClassName("coming-soon-icon");
        add(icon, new H2(title), new Paragraph(explanation));
    }
}
