package studio.imgen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session reduced to its cookie, on a client shared by many sessions (a {@code FormLogin} per session
 * would bring its own HttpClient and selector thread, which would distort a thousand-session heap figure). Logs in
 * through the real form and can open a view the way Vaadin's client does.
 */
final class BareSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    /** What Flow's client sends with the init request (window and screen size, time zone). */
    private static final String CLIENT_DETAILS = "&v-bw=1280&v-bh=860&v-sw=1920&v-sh=1080&v-wn=bench&v-tzo=0&v-rtzo=0"
            + "&v-dstd=0&v-dston=false&v-tzid=UTC&v-curdate=0&v-td=false&v-pr=1&v-np=Linux";

    private final HttpClient client;
    private final String baseUrl;
    private String sessionId;
    private boolean productionMode;

    BareSession(HttpClient client, int port) {
        this.client = client;
        this.baseUrl = "http://localhost:" + port;
    }

    /** A client without a cookie store that does not follow redirects; share it between sessions. */
    static HttpClient sharedClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Loads the login page and posts the form; true when the app redirected into the application. */
    boolean logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        String form = "username=" + enc(username) + "&password=" + enc(password)
                + (csrf.find() ? "&_csrf=" + enc(csrf.group(1)) : "");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && !location.contains("error") && !location.endsWith("/login");
    }

    /**
     * Opens a route as Vaadin's client does: the bootstrap page, the init request that creates the UI, then the
     * navigation event that renders the view into it. Returns the navigation's UIDL answer.
     */
    String open(String route) throws IOException, InterruptedException {
        HttpResponse<String> bootstrap = get("/" + route);
        if (bootstrap.statusCode() != 200) {
            throw new IOException("GET /" + route + " answered " + bootstrap.statusCode());
        }
        HttpResponse<String> init = get("/?v-r=init&location=" + enc(route) + "&query=" + CLIENT_DETAILS);
        productionMode = init.body().contains("\"productionMode\":true");
        Matcher key = SECURITY_KEY.matcher(init.body());
        Matcher ui = UI_ID.matcher(init.body());
        if (init.statusCode() != 200 || !key.find() || !ui.find()) {
            throw new IOException("init of " + route + " answered " + init.statusCode());
        }
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"",\
                "appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key.group(1), route);
        HttpResponse<String> rendered = send(HttpRequest.newBuilder(URI.create(baseUrl + "/?v-r=uidl&v-uiId=" + ui.group(1)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)));
        if (rendered.statusCode() != 200) {
            throw new IOException("navigation to " + route + " answered " + rendered.statusCode());
        }
        return rendered.body();
    }

    /** Whether the last UI this session opened runs in Vaadin's production mode (dev mode costs heap per UI). */
    boolean productionMode() {
        return productionMode;
    }

    String sessionId() {
        return sessionId;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher id = SESSION.matcher(cookie);
            if (id.lookingAt()) {
                sessionId = id.group(1);
            }
        });
        return response;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
