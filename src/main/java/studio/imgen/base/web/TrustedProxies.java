package studio.imgen.base.web;

import java.util.Arrays;
import java.util.List;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Honours {@code X-Forwarded-For/Proto/Host/Port} only on connections from the reverse proxies listed in
 * {@code APP_TRUSTED_PROXIES} (addresses or CIDR ranges, comma-separated). Behind them the request's client address,
 * scheme, host and port are the browser's, so redirects keep {@code https} and the port, the audit log records the
 * real client and login throttling counts per client. A request from any other address is taken as it came, headers
 * or not (anyone can send them). Nothing is trusted unless configured, whatever network the instance runs in.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    private final List<String> ranges;

    TrustedProxies(@Value("${app.trusted-proxies:}") String trusted) {
        this.ranges = parse(trusted);
    }

    /** The configured entries as CIDR ranges (a single address becomes a /32 or /128), each checked. */
    static List<String> parse(String trusted) {
        return Arrays.stream(trusted.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::range)
                .toList();
    }

    private static String range(String entry) {
        String cidr = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
        try {
            new NetMask(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("APP_TRUSTED_PROXIES: '" + entry + "' is not an IP address or range; list "
                    + "your reverse proxies' addresses separated by commas, e.g. 10.0.0.5,10.0.1.0/24", e);
        }
        return cidr;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (ranges.isEmpty()) {
            log.info("No trusted proxies (APP_TRUSTED_PROXIES is empty): X-Forwarded-* headers are ignored and each "
                    + "request's client is the address it comes from");
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        // A list containing '/' is read by Tomcat as CIDR ranges, not as a regular expression.
        valve.setInternalProxies(String.join(",", ranges));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProxiesHeader("X-Forwarded-By");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        factory.addEngineValves(valve);
        log.info("Trusting X-Forwarded-For/Proto/Host/Port from {}", String.join(", ", ranges));
    }
}
