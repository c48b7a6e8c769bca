package studio.imgen.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends a request line exactly as written (no client-side path normalisation), to test how the server treats
 * path tricks like {@code ..}, encoded dots and {@code ;jsessionid=}.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static Response get(int port, String rawPath, String... headerLines) throws IOException {
        return send(port, "GET", rawPath, headerLines);
    }

    public static Response head(int port, String rawPath, String... headerLines) throws IOException {
        return send(port, "HEAD", rawPath, headerLines);
    }

    private static Response send(int port, String method, String rawPath, String... headerLines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            for (String header : headerLines) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Response(status, headers, body);
        }
    }

    public record Response(int status, List<String> headers, String body) {
        public List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }

        public boolean setsSessionCookie() {
            return header("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"));
        }
    }
}
