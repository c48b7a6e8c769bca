package studio.imgen.base.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import studio.imgen.base.AppProperties;

/**
 * Where users reach the app, for links that leave it (invitations): {@code APP_PUBLIC_URL} when set, otherwise the
 * address of the request being handled as the container sees it, so behind a proxy the forwarded scheme, host and
 * port it trusts ({@code server.forward-headers-strategy}); raw headers are never read here. Spring's request-context
 * filter binds every servlet request, Vaadin's included.
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(AppProperties app) {
        this.configured = app.publicUrl() == null ? "" : app.publicUrl().strip().replaceAll("/+$", "");
    }

    /** The base of absolute links, without a trailing slash; empty when neither is known (a background thread). */
    public String base() {
        return configured.isEmpty() ? requestOrigin().orElse("") : configured;
    }

    /**
     * For admins: a sentence when {@code APP_PUBLIC_URL} points somewhere other than the address they are using, so
     * the links they hand out would lead elsewhere; empty when they agree or nothing is configured.
     */
    public Optional<String> mismatch() {
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        return requestOrigin().filter(origin -> !sameOrigin(origin, configured)).map(origin ->
                "Invitation links use " + configured + " (APP_PUBLIC_URL), but you are using " + origin + "."
                        + " If people reach the app at " + origin + ", ask the operator to change APP_PUBLIC_URL,"
                        + " or the links will not work for them.");
    }

    private static Optional<String> requestOrigin() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath());
    }

    private static boolean sameOrigin(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost().equalsIgnoreCase(y.getHost())
                    && effectivePort(x) == effectivePort(y);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
