package studio.imgen.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in through the real form endpoint like a browser would (cookies kept, redirects not followed). */
public final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public FormLogin(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts the form after loading the login page; returns the redirect target. */
    public String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get("/login");
        Matcher csrf = CSRF.matcher(loginPage.body());
        String form = "username=" + enc(username) + "&password=" + enc(password)
                + (csrf.find() ? "&_csrf=" + enc(csrf.group(1)) : "");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with this browser's cookies and extra headers ("Name: value"), body as bytes (for images). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
