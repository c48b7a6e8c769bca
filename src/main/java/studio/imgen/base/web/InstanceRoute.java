package studio.imgen.base.web;

import java.util.regex.Pattern;
import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tags this instance's session ids with its route ({@code APP_INSTANCE_ROUTE}, Tomcat's {@code jvmRoute}): a session
 * id then ends in {@code .<route>}, also the new id Spring Security gives the session at login, so a reverse proxy can
 * send a browser back to the instance that holds its session by reading the cookie (README "Reverse proxy"). Hashing
 * the whole session id cannot do that: the id changes at login and would hash to another instance.
 */
@Component
class InstanceRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(InstanceRoute.class);
    /** Letters, digits, '-' and '_': what the proxy's pattern matches after the last dot of the session id. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String route;

    InstanceRoute(@Value("${app.instance-route:}") String route) {
        this.route = route.strip();
        if (!this.route.isEmpty() && !VALID.matcher(this.route).matches()) {
            throw new IllegalStateException("APP_INSTANCE_ROUTE must be 1 to 32 letters, digits, '-' or '_' (e.g. 'a'), "
                    + "because the proxy finds it after the last dot of the session id; it is '" + this.route + "'.");
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (route.isEmpty()) {
            return;
        }
        // The engine is reachable only once the context sits in its host, which is before the session manager starts
        // (that is when the manager reads the route).
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                engineOf(context).setJvmRoute(route);
            }
        }));
        log.info("Instance route '{}': session ids end in '.{}' for the reverse proxy's stickiness", route, route);
    }

    private static Engine engineOf(Container container) {
        Container current = container;
        while (!(current instanceof Engine)) {
            current = current.getParent();
        }
        return (Engine) current;
    }
}
