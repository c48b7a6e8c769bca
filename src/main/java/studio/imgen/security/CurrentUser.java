package studio.imgen.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of a service method, taken from the security context (never from request parameters). */
@Component
public class CurrentUser {

    public Optional<StudioUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StudioUser user ? Optional.of(user) : Optional.empty();
    }

    /** The caller; throws if nobody is logged in. */
    public StudioUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    /** Replaces the principal in the current security context and returns that context for the caller to persist. */
    public SecurityContext replace(StudioUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return context;
    }
}
