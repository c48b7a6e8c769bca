package studio.imgen.storage;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * Image bytes in memory for a decoder, with a cap on reads past the end. TwelveMonkeys' WebP decoder treats the end
 * of the data as an endless run of zero bits, so a mutated 34-byte file kept a decode slot busy for over 30 seconds.
 * Well-formed files need only a handful of such reads (a bit reader prefetching), so a few hundred are allowed.
 */
final class StrictImageInputStream extends ImageInputStreamImpl {

    static final int MAX_READS_PAST_END = 512;

    private final byte[] bytes;
    private int readsPastEnd;

    StrictImageInputStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        if (streamPos >= bytes.length) {
            return pastEnd();
        }
        bitOffset = 0;
        return bytes[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return pastEnd();
        }
        bitOffset = 0;
        int count = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, buffer, offset, count);
        streamPos += count;
        return count;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    private int pastEnd() throws IIOException {
        if (++readsPastEnd > MAX_READS_PAST_END) {
            // Not an EOFException: decoders that swallow those to pad with zeros must see this one.
            throw new IIOException("Decoder kept reading past the end of the data");
        }
        return -1;
    }
}
