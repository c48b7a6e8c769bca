package studio.imgen.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client address behind the action on this thread, if any: the address of the HTTP request being handled
 * (Spring's request-context filter binds every servlet request, Vaadin's included), otherwise the address the
 * session logged in from (Vaadin's push channel carries no HTTP request per message). Worker threads have neither.
 * The container's remote address already reflects trusted-proxy handling ({@code APP_TRUSTED_PROXIES}, see
 * {@code base/web/TrustedProxies});
 * raw headers are never read here.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String current() {
        String address = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            address = request.getRequest().getRemoteAddr();
        }
        if (address == null) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getDetails() instanceof WebAuthenticationDetails details) {
                address = details.getRemoteAddress();
            }
        }
        return AuditLog.cap(address, 64);
    }
}
