package studio.imgen.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOException;

/** Reads the marker segments of a JPEG header (everything before the first scan), bounds-checked. */
final class JpegSegments {

    static final int APP1 = 0xE1;

    /** @param start offset of the payload (after the two length bytes); @param length payload length */
    record Segment(int marker, int start, int length) {}

    /** Frame header facts: sample precision in bits and number of colour components. */
    record Frame(int precision, int components) {}

    private JpegSegments() {}

    static List<Segment> header(byte[] jpeg) throws IIOException {
        List<Segment> segments = new ArrayList<>();
        int pos = 2; // after SOI
        while (true) {
            if (pos + 2 > jpeg.length || jpeg[pos] != (byte) 0xFF) {
                throw new IIOException("Malformed JPEG header");
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
            } else if (marker == 0xDA || marker == 0xD9) {
                return segments; // start of scan or end of image: the header is over
            } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                pos += 2; // markers without a length
            } else {
                if (pos + 4 > jpeg.length) {
                    throw new IIOException("Truncated JPEG header");
                }
                int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
                if (length < 2 || pos + 2 + length > jpeg.length) {
                    throw new IIOException("Malformed JPEG segment length");
                }
                segments.add(new Segment(marker, pos + 4, length - 2));
                pos += 2 + length;
            }
        }
    }

    static Frame frame(byte[] jpeg) throws IIOException {
        for (Segment segment : header(jpeg)) {
            if (isStartOfFrame(segment.marker())) {
                if (segment.length() < 6) {
                    throw new IIOException("Truncated JPEG frame header");
                }
                return new Frame(jpeg[segment.start()] & 0xFF, jpeg[segment.start() + 5] & 0xFF);
            }
        }
        throw new IIOException("JPEG without a frame header");
    }

    static Optional<Segment> first(byte[] jpeg, int marker, byte[] payloadPrefix) throws IIOException {
        for (Segment segment : header(jpeg)) {
            if (segment.marker() == marker && startsWith(jpeg, segment, payloadPrefix)) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] jpeg, Segment segment, byte[] prefix) {
        if (segment.length() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (jpeg[segment.start() + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
