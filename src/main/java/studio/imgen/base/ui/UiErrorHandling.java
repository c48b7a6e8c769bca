package studio.imgen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;

/**
 * Last-resort handler for errors escaping a listener: users get a human sentence (with a reference for anything
 * unexpected), the log gets the detail under the same reference.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrorHandling::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable error = rootCause(event.getThrowable());
        String message;
        if (error instanceof UserInputException input) {
            message = input.getMessage();
        } else if (error instanceof AccessDeniedException) {
            message = "You don't have access to that. If you think you should, ask a workspace admin.";
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected UI error [ref {}]", reference, event.getThrowable());
            message = "Something went wrong (reference " + reference + "). Try again; if it keeps happening, "
                    + "give this reference to your admin.";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof UserInputException) && !(current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
