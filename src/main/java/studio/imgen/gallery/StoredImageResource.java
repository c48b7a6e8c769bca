package studio.imgen.gallery;

import java.io.InputStream;
import java.util.function.Supplier;
import org.springframework.core.io.AbstractResource;

/**
 * A stored file as a response body that is opened only when the body is actually written. A 304, a HEAD request or
 * an aborted response never opens (and so never leaks) a file handle, and the known length lets Spring MVC set
 * {@code Content-Length} and serve byte ranges.
 */
final class StoredImageResource extends AbstractResource {

    private final Supplier<InputStream> opener;
    private final long length;
    private final String description;

    StoredImageResource(Supplier<InputStream> opener, long length, String description) {
        this.opener = opener;
        this.length = length;
        this.description = description;
    }

    @Override
    public InputStream getInputStream() {
        return opener.get();
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
