package studio.imgen.audit;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client whose request is being handled on this thread, if any. Spring's request-context filter
 * binds every servlet request, Vaadin's included; worker threads have none. The container's remote address already
 * reflects trusted-proxy handling ({@code server.forward-headers-strategy}); raw headers are never read here.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String address = request.getRequest().getRemoteAddr();
            return address == null ? null : AuditLog.cap(address, 64);
        }
        return null;
    }
}
