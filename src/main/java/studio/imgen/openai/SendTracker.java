package studio.imgen.openai;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Tells whether an attempt's request body started to go upstream. A connection failure before that is safe to retry;
 * after it OpenAI may be working on (and billing) the request, so it must not be re-sent automatically.
 *
 * <p>The flag is per thread: blocking SDK calls run the OkHttp interceptor chain and write the body on the calling
 * thread, and the retry policy opens and closes one flag around each attempt.
 */
final class SendTracker implements Interceptor {

    private static final ThreadLocal<AtomicBoolean> CURRENT = new ThreadLocal<>();

    static void begin() {
        CURRENT.set(new AtomicBoolean());
    }

    static boolean bodyStarted() {
        AtomicBoolean flag = CURRENT.get();
        return flag != null && flag.get();
    }

    static void end() {
        CURRENT.remove();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AtomicBoolean flag = CURRENT.get();
        if (flag == null || request.body() == null) {
            return chain.proceed(request);
        }
        RequestBody marked = new MarkingBody(request.body(), flag);
        return chain.proceed(request.newBuilder().method(request.method(), marked).build());
    }

    private static final class MarkingBody extends RequestBody {
        private final RequestBody delegate;
        private final AtomicBoolean flag;

        MarkingBody(RequestBody delegate, AtomicBoolean flag) {
            this.delegate = delegate;
            this.flag = flag;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return delegate.isOneShot();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            flag.set(true);
            delegate.writeTo(sink);
        }
    }
}
