package studio.imgen.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Reads along every HTTP response of the app under test (pages, UIDL JSON, image and error responses, and any
 * actuator endpoint once there is one): headers and body are scanned for registered canaries as they are written.
 */
public final class CanaryResponseFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && request instanceof HttpServletRequest req) {
            chain.doFilter(request, new Scanned(http, "HTTP response " + req.getMethod() + " " + req.getRequestURI()));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Text seen so far, trimmed to an overlap as long as the longest canary. */
    private static final class Window {

        private final String where;
        private final StringBuilder text = new StringBuilder();

        Window(String where) {
            this.where = where;
        }

        synchronized void add(CharSequence chunk) {
            text.append(chunk);
            if (Canaries.scan(where, text)) {
                text.setLength(0); // reported once, not again from the overlap
                return;
            }
            int keep = Canaries.longest();
            if (text.length() > keep) {
                text.delete(0, text.length() - keep);
            }
        }
    }

    private static final class Scanned extends HttpServletResponseWrapper {

        private final Window window;
        private final String where;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Scanned(HttpServletResponse response, String where) {
            super(response);
            this.where = where;
            this.window = new Window(where);
        }

        @Override
        public void setHeader(String name, String value) {
            Canaries.scan(where + " header " + name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            Canaries.scan(where + " header " + name, value);
            super.addHeader(name, value);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            Canaries.scan(where + " redirect", location);
            super.sendRedirect(location);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream original = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        original.write(b);
                        window.add(String.valueOf((char) (b & 0xFF)));
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        original.write(bytes, offset, length);
                        window.add(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
                    }

                    @Override
                    public void flush() throws IOException {
                        original.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        original.close();
                    }

                    @Override
                    public boolean isReady() {
                        return original.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        original.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                Writer original = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) throws IOException {
                        original.write(chars, offset, length);
                        window.add(new String(chars, offset, length));
                    }

                    @Override
                    public void flush() throws IOException {
                        original.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        original.close();
                    }
                });
            }
            return writer;
        }
    }
}
