package studio.imgen.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Shows an admin action's outcome sentence(s) as a toast. Service messages may span several lines
 * ("✅ Updated default settings:" then one line per field); each line becomes its own text block.
 */
public final class Feedback {

    private Feedback() {
    }

    /** A service's answer: "✅ …" is a success; anything else ("No API key is configured.") is information. */
    public static void result(String message) {
        show(message, message.startsWith("✅") ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST,
                5000);
    }

    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR, 8000);
    }

    private static void show(String message, NotificationVariant variant, int millis) {
        Div content = new Div();
        content.addClassName("admin-notice");
        for (String line : message.split("\n")) {
            content.add(new Div(line));
        }
        Notification notification = new Notification(content);
        notification.setDuration(millis);
        notification.setPosition(Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
        notification.open();
    }
}
