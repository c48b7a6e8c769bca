package studio.imgen.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies before anything reads them: a declared length over the cap is a 413 at once; a body without
 * a length (chunked) is read through a counting stream that fails at the cap. Multipart bodies are parsed by the
 * servlet container, whose own request cap ({@code spring.servlet.multipart.max-request-size}) stops chunked ones.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final ApiProperties properties;
    private final ApiErrorWriter errors;

    RequestSizeLimit(ApiProperties properties, ApiErrorWriter errors) {
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean multipart = type.startsWith("multipart/");
        long cap = multipart ? properties.maxMultipartBytes() : properties.maxJsonBytes();
        if (request.getContentLengthLong() > cap) {
            errors.write(response, tooLarge(multipart, cap));
            return;
        }
        chain.doFilter(multipart ? request : new CappedRequest(request, cap), response);
    }

    static ApiFailure tooLarge(boolean multipart, long cap) {
        return ApiFailure.tooLarge(multipart
                ? "The request is larger than " + cap / 1_000_000 + " MB. Send fewer or smaller images."
                : "The request body is larger than " + cap / 1000 + " KB. Shorten the prompt.");
    }

    /** Thrown by the capped stream; the controller answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the cap", null);
        }
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), cap);
            }
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long cap;
        private long read;

        CappedStream(ServletInputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > cap) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
