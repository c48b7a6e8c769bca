package studio.imgen.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import studio.imgen.base.Notice;

/**
 * The one way the app shows a passing message. Only the newest stays: a new message replaces the one on screen, so
 * toasts never stack up over the buttons. They appear at the top centre, above the header rather than over the
 * working area, with an icon for their tone; successes fade quickly, errors stay long enough to read.
 */
public final class Notifications {

    static final int SUCCESS_MILLIS = 3000;
    static final int INFO_MILLIS = 4000;
    static final int ERROR_MILLIS = 7000;

    private Notifications() {
    }

    public static void success(String text) {
        show(Notice.success(text));
    }

    public static void info(String text) {
        show(Notice.info(text));
    }

    public static void warning(String text) {
        show(Notice.warning(text));
    }

    public static void error(String text) {
        show(Notice.error(text));
    }

    /** Shows a service's outcome with its own tone; a message of several lines keeps its lines. */
    public static void show(Notice notice) {
        Icon icon = StatusLine.iconFor(notice.tone());
        Div lines = new Div();
        lines.addClassName("notice-lines");
        for (String line : notice.text().split("\n")) {
            lines.add(new Div(line));
        }
        Div content = new Div(icon, lines);
        content.addClassName("notice");
        Notification notification = new Notification(content);
        notification.addClassName("notice-" + notice.tone().name().toLowerCase(java.util.Locale.ROOT));
        notification.setPosition(Notification.Position.TOP_CENTER);
        switch (notice.tone()) {
            case SUCCESS -> {
                notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                notification.setDuration(SUCCESS_MILLIS);
            }
            case INFO -> notification.setDuration(INFO_MILLIS);
            case WARNING -> {
                notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
                notification.setDuration(ERROR_MILLIS);
            }
            case ERROR -> {
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                notification.setDuration(ERROR_MILLIS);
            }
        }
        replaceShown(notification);
        notification.open();
    }

    private static void replaceShown(Notification next) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        Notification shown = ComponentUtil.getData(ui, Notification.class);
        if (shown != null && shown.isOpened()) {
            shown.close();
        }
        ComponentUtil.setData(ui, Notification.class, next);
    }
}
