package studio.imgen.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Stands in for an image that the workspace's retention setting deleted (its URLs answer 410 Gone): a neutral
 * tile with the reason, instead of a broken image. Size it like the image it replaces.
 */
public class ExpiredImage extends Div {

    public ExpiredImage(int retentionDays) {
        addClassName("image-expired");
        String text = text(retentionDays);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", text);
        getElement().setAttribute("title", text);
        add(VaadinIcon.HOURGLASS_END.create(), new Span(text));
    }

    /** "Image expired (retention 30 days)"; just "Image expired" once retention was switched off again. */
    public static String text(int retentionDays) {
        if (retentionDays <= 0) {
            return "Image expired";
        }
        return "Image expired (retention " + (retentionDays == 1 ? "1 day" : retentionDays + " days") + ")";
    }
}
