package studio.imgen.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import studio.imgen.base.Notice;

/**
 * A line of state with an icon for its tone (a Vaadin icon, drawn the same on every machine), for statuses that stay
 * on the page: "Configured · ends with …abcd", a key test's answer, "Open access".
 */
public class StatusLine extends Div {

    private final Span text = new Span();

    public StatusLine() {
        addClassName("status-line");
        getElement().setAttribute("role", "status");
    }

    public void show(Notice notice) {
        removeAll();
        for (Notice.Tone tone : Notice.Tone.values()) {
            removeClassName("status-" + tone.name().toLowerCase(Locale.ROOT));
        }
        addClassName("status-" + notice.tone().name().toLowerCase(Locale.ROOT));
        text.setText(notice.text());
        add(iconFor(notice.tone()), text);
    }

    public String text() {
        return text.getText();
    }

    static Icon iconFor(Notice.Tone tone) {
        Icon icon = switch (tone) {
            case SUCCESS -> VaadinIcon.CHECK_CIRCLE.create();
            case INFO -> VaadinIcon.INFO_CIRCLE.create();
            case WARNING -> VaadinIcon.WARNING.create();
            case ERROR -> VaadinIcon.CLOSE_CIRCLE.create();
        };
        icon.addClassName("status-icon");
        return icon;
    }
}
