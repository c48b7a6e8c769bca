package studio.imgen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import java.util.function.Consumer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Pushes background events into a UI. The events arrive on worker threads, which carry no security context, so the
 * viewer's context (captured when the view subscribed) is put in place while the UI code runs: services called from
 * there check the same user as the view itself.
 */
public final class UiUpdates {

    private UiUpdates() {
    }

    /** A listener that applies each event inside {@code ui.access}, as the user who created it. */
    public static <T> Consumer<T> forCurrentUser(UI ui, Consumer<T> apply) {
        SecurityContext viewer = SecurityContextHolder.getContext();
        return event -> ui.access(asViewer(viewer, () -> apply.accept(event)));
    }

    /**
     * Sends what changed so far to the browser at once, inside an {@code access} command that has more to do; a UI
     * without a live push channel (a test's, or one still connecting) gets it with the command's end as usual.
     */
    public static void pushNow(UI ui) {
        var channel = ui.getInternals().getPushConnection();
        if (channel != null && channel.isConnected()) {
            ui.push();
        }
    }

    private static Command asViewer(SecurityContext viewer, Command command) {
        return () -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(viewer);
            try {
                command.execute();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        };
    }
}
