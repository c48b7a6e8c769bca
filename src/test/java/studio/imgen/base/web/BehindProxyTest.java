package studio.imgen.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * The instance route and the trusted-proxy rule on a real embedded Tomcat, configured by the same customizers as the
 * app: a servlet echoes what the application sees of each request (client address, scheme, host, port, session id).
 * Clients bind distinct loopback addresses to play a proxy (127.0.0.1) and a direct caller (127.0.0.3).
 */
class BehindProxyTest {

    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void sessionIdsEndInTheInstanceRouteAlsoAfterTheLoginChangesTheId() throws Exception {
        start("b", "");
        HttpClient browser = client("127.0.0.1");

        String first = call(browser, "/?session=new").sessionId();
        String afterLogin = call(browser, "/?session=change").sessionId();

        assertThat(first).endsWith(".b");
        assertThat(afterLogin).endsWith(".b").isNotEqualTo(first);
    }

    @Test
    void withNoTrustedProxyForwardedHeadersAreIgnored() throws Exception {
        start("", "");

        Seen seen = call(client("127.0.0.1"), "/");

        assertThat(seen.client()).isEqualTo("127.0.0.1");
        assertThat(seen.scheme()).isEqualTo("http");
        assertThat(seen.host()).isEqualTo("127.0.0.1");
        assertThat(seen.port()).isEqualTo(server.getPort());
        assertThat(seen.sessionId()).isEqualTo("-");
    }

    @Test
    void aTrustedProxyPassesOnTheBrowsersAddressSchemeHostAndPort() throws Exception {
        start("", "10.0.0.0/8, 127.0.0.1");

        Seen seen = call(client("127.0.0.1"), "/");

        // The rightmost address that is not a trusted proxy is the client: what the browser put first is not believed.
        assertThat(seen.client()).isEqualTo("198.51.100.7");
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.secure()).isTrue();
        assertThat(seen.host()).isEqualTo("imgen.example.com");
        assertThat(seen.port()).isEqualTo(8443);
    }

    @Test
    void aRequestFromAnUntrustedAddressIsTakenAsItCameWhateverItsHeadersSay() throws Exception {
        start("", "127.0.0.1");

        Seen seen = call(client("127.0.0.3"), "/");

        assertThat(seen.client()).isEqualTo("127.0.0.3");
        assertThat(seen.scheme()).isEqualTo("http");
        assertThat(seen.secure()).isFalse();
        assertThat(seen.host()).isEqualTo("127.0.0.1");
        assertThat(seen.port()).isEqualTo(server.getPort());
    }

    @Test
    void settingsAreCheckedWithASentenceThatSaysWhatIsExpected() {
        assertThat(TrustedProxies.parse(" 10.0.0.0/8 ,192.0.2.10, ::1,")).containsExactly("10.0.0.0/8", "192.0.2.10/32",
                "::1/128");
        assertThat(TrustedProxies.parse("")).isEmpty();
        assertThatThrownBy(() -> new TrustedProxies("10.0.0.0/8,proxy.example")).hasMessageContaining(
                "'proxy.example' is not an IP address or range");
        assertThatThrownBy(() -> new TrustedProxies("10.0.0.0/33")).hasMessageContaining("APP_TRUSTED_PROXIES");
        assertThatThrownBy(() -> new InstanceRoute("node.1")).hasMessageContaining("APP_INSTANCE_ROUTE must be");
    }

    private void start(String route, String trusted) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new InstanceRoute(route).customize(factory);
        new TrustedProxies(trusted).customize(factory);
        server = factory.getWebServer(context -> context.addServlet("echo", new Echo()).addMapping("/*"));
        server.start();
    }

    private static HttpClient client(String localAddress) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress))
                .cookieHandler(new CookieManager()).build();
    }

    private Seen call(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("X-Forwarded-For", "203.0.113.66, 198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "imgen.example.com")
                .header("X-Forwarded-Port", "8443")
                .build(), HttpResponse.BodyHandlers.ofString());
        String[] parts = response.body().split(" ");
        return new Seen(parts[0], parts[1], parts[2], Integer.parseInt(parts[3]), Boolean.parseBoolean(parts[4]), parts[5]);
    }

    private record Seen(String client, String scheme, String host, int port, boolean secure, String sessionId) {
    }

    /** Echoes the request as the application sees it; {@code session=new|change} plays a first visit and a login. */
    private static final class Echo extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String session = request.getParameter("session");
            if ("new".equals(session)) {
                request.getSession(true);
            } else if ("change".equals(session)) {
                request.changeSessionId();
            }
            var current = request.getSession(false);
            response.getWriter().print(String.join(" ", request.getRemoteAddr(), request.getScheme(),
                    request.getServerName(), String.valueOf(request.getServerPort()), String.valueOf(request.isSecure()),
                    current == null ? "-" : current.getId()));
        }
    }
}
