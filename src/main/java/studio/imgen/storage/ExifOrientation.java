package studio.imgen.storage;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOException;

/**
 * Applies a JPEG's EXIF orientation to the pixels. Re-encoding drops EXIF, and browsers show photos rotated by it,
 * so without this a phone photo would turn sideways after upload.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT_TYPE = 3;

    private ExifOrientation() {}

    /** The orientation (1–8) declared by the JPEG, or {@link #NORMAL} when absent or unreadable. */
    static int read(byte[] jpeg) {
        try {
            return JpegSegments.first(jpeg, JpegSegments.APP1, EXIF_HEADER)
                    .map(s -> fromTiff(jpeg, s.start() + EXIF_HEADER.length, s.length() - EXIF_HEADER.length))
                    .orElse(NORMAL);
        } catch (IIOException e) {
            return NORMAL;
        }
    }

    private static int fromTiff(byte[] bytes, int tiff, int length) {
        if (length < 8) {
            return NORMAL;
        }
        boolean littleEndian;
        if (bytes[tiff] == 'I' && bytes[tiff + 1] == 'I') {
            littleEndian = true;
        } else if (bytes[tiff] == 'M' && bytes[tiff + 1] == 'M') {
            littleEndian = false;
        } else {
            return NORMAL;
        }
        long ifd = u32(bytes, tiff + 4, littleEndian);
        if (u16(bytes, tiff + 2, littleEndian) != 42 || ifd < 8 || ifd + 2 > length) {
            return NORMAL;
        }
        int entries = u16(bytes, tiff + (int) ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = tiff + (int) ifd + 2 + 12 * i;
            if (entry + 12 > tiff + length) {
                return NORMAL;
            }
            if (u16(bytes, entry, littleEndian) == ORIENTATION_TAG) {
                int value = u16(bytes, entry + 8, littleEndian);
                boolean valid = u16(bytes, entry + 2, littleEndian) == SHORT_TYPE && value >= 1 && value <= 8;
                return valid ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** Returns the image as it is meant to be seen; orientations 5–8 swap width and height. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // Affine matrices (m00, m10, m01, m11, m02, m12) mapping source to displayed pixels, per EXIF 2.3 tag 274.
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirror horizontally
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // rotate 180°
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirror vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transpose
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // rotate 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: rotate 90° counter-clockwise
        };
        boolean swap = orientation >= 5;
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, type);
        return new AffineTransformOp(transform, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, target);
    }

    private static int u16(byte[] b, int at, boolean littleEndian) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return littleEndian ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int at, boolean littleEndian) {
        long low = u16(b, littleEndian ? at : at + 2, littleEndian);
        long high = u16(b, littleEndian ? at + 2 : at, littleEndian);
        return high << 16 | low;
    }
}
