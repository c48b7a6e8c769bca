package studio.imgen.security.ui;

import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.StudioUser;

/**
 * Stores an updated principal (new active workspace, password changed) in the HTTP session, where Spring Security
 * and Vaadin's security-context strategy read it on the next request and in background {@code ui.access}.
 */
public final class SessionPrincipal {

    private SessionPrincipal() {
    }

    public static void replace(CurrentUser currentUser, StudioUser updated) {
        SecurityContext context = currentUser.replace(updated);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }
}
