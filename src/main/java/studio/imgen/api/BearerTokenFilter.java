package studio.imgen.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer imgs_…} and nothing else (no session, no cookie, no form): a missing
 * header is left to the entry point (401), a wrong token is a 401 that never says why, and a client address with too
 * many recent failures waits before any token is even looked at. The token itself is never logged.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String INVALID = "Invalid API token. Check that the whole token was copied and that it has not "
            + "expired or been revoked; you can create a new one under \"API tokens\" in ImGen Studio.";

    private final TokenAuthenticator authenticator;
    private final ApiAuthThrottle throttle;
    private final ApiErrorWriter errors;
    private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(TokenAuthenticator authenticator, ApiAuthThrottle throttle, ApiErrorWriter errors) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.remainingWait(address);
        if (wait.isPresent()) {
            errors.write(response, ApiFailure.rateLimited("too_many_failed_attempts",
                    "Too many invalid API tokens were sent from your address. Wait " + seconds(wait.get())
                            + " seconds, then try again with a valid token.", wait.get(), false));
            return;
        }
        Optional<Authentication> authentication = authenticator.authenticate(header.substring(7).strip(), address);
        if (authentication.isEmpty()) {
            throttle.recordFailure(address);
            errors.write(response, ApiFailure.unauthenticated(INVALID));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
