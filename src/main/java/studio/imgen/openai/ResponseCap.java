package studio.imgen.openai;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Stops reading a response body once it passes a byte cap, so a runaway or hostile upstream answer (hundreds of MB)
 * fails the call as an invalid response instead of filling the heap. The SDK parses bodies in memory; this bounds
 * what it can be handed.
 */
final class ResponseCap implements Interceptor {

    /** Ten large images as base64 fit comfortably; anything bigger is not an answer we can use. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Thrown while reading past the cap; classified as {@link FailureKind#INVALID_RESPONSE}, never retried. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("response body exceeded " + cap / (1024 * 1024) + " MiB; stopped reading");
        }
    }

    private final long cap;

    ResponseCap(long cap) {
        this.cap = cap;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        return response.newBuilder().body(new CappedBody(body, cap, chain.call())).build();
    }

    private static final class CappedBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        CappedBody(ResponseBody delegate, long cap, Call call) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                private long total;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long read = super.read(sink, byteCount);
                    if (read > 0) {
                        total += read;
                        if (total > cap) {
                            // Otherwise closing the body would drain the rest to reuse the connection.
                            call.cancel();
                            throw new TooLarge(cap);
                        }
                    }
                    return read;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
