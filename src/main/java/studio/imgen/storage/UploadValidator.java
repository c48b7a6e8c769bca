package studio.imgen.storage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.imageio.IIOException;
import studio.imgen.base.UserInputException;

/**
 * Checks uploaded reference images and masks, and re-encodes them. In order: size while streaming, magic bytes,
 * dimensions from the header, pixel mode, a bounded decode, then a fresh PNG or JPEG without metadata. The client's
 * file name and content type play no part except in messages; every refusal is a {@link UserInputException}.
 *
 * <p>A thread interrupted while waiting for a decode slot gets a {@link CancellationException}, with its interrupt
 * flag set again.
 */
public class UploadValidator {

    /**
     * The largest mask the images API takes: it wants one "less than 4MB" (openai-images.md §4), so 4,000,000 bytes
     * is already refused. The mask painter and picker stop at the same size.
     */
    public static final int MASK_MAX_BYTES = 3_999_999;

    public ValidatedImage validateReference(String displayName, InputStream in, UploadLimits limits) {
        String name = DisplayNames.quote(displayName);
        String size = megabytes(limits.maxBytes());
        byte[] bytes = read(in, limits.maxBytes(), name,
                name + " is larger than " + size + ". Each reference image must be ≤ " + size + ".");
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(() -> new UserInputException(name + " is not a PNG, JPEG or WebP image."));
        ImageCodec.Header header = header(name, bytes, format);
        if (!header.fits(limits.maxPixels())) {
            throw new UserInputException(name + " is " + header.width() + " × " + header.height()
                    + " pixels. Reference images may have at most " + megapixels(limits.maxPixels())
                    + " megapixels and " + ImageCodec.MAX_SIDE + " pixels per side.");
        }
        if (!hasRgbOrRgbaPixels(name, bytes, format)) {
            throw new UserInputException(name + " uses an unsupported pixel format. "
                    + "Reference images must be RGB or RGBA (8 bits per channel).");
        }
        ImageFormat output = format == ImageFormat.JPEG ? ImageFormat.JPEG : ImageFormat.PNG;
        return decode(name, bytes, format, header, decoded -> {
            BufferedImage image = format == ImageFormat.JPEG
                    ? ExifOrientation.apply(decoded, ExifOrientation.read(bytes))
                    : decoded;
            BufferedImage rgb = ImageCodec.standardRgb(image);
            byte[] clean = output == ImageFormat.JPEG
                    ? ImageCodec.encodeJpeg(rgb, ImageCodec.JPEG_QUALITY)
                    : ImageCodec.encodePng(rgb);
            return new ValidatedImage(clean, output, image.getWidth(), image.getHeight(), ImageCodec.sha256Hex(clean));
        });
    }

    /**
     * Validates several reference images for one request: the count first (before reading anything), then each
     * file, then the rules for the set ({@link #checkSet}).
     */
    public List<ValidatedImage> validateSet(List<ReferenceUpload> uploads, UploadLimits limits) {
        checkCount(uploads.size(), limits);
        List<ValidatedImage> images = new ArrayList<>(uploads.size());
        for (ReferenceUpload upload : uploads) {
            images.add(validateReference(upload.displayName(), upload.content(), limits));
        }
        checkSet(images, limits);
        return images;
    }

    /**
     * The rules for a set of already validated images (for example uploads validated one by one as they arrived,
     * or stored images being edited): at least one, at most {@code maxFiles}, identical dimensions, total size.
     */
    public void checkSet(List<ValidatedImage> images, UploadLimits limits) {
        checkCount(images.size(), limits);
        ValidatedImage first = images.get(0);
        long total = 0;
        for (ValidatedImage image : images) {
            if (image.width() != first.width() || image.height() != first.height()) {
                throw new UserInputException("All reference images must have identical width × height (found "
                        + first.width() + " × " + first.height() + " and " + image.width() + " × " + image.height()
                        + ").");
            }
            total += image.bytes().length;
        }
        if (total > limits.maxTotalBytes()) {
            throw new UserInputException(
                    "The reference images together are larger than " + megabytes(limits.maxTotalBytes()) + ".");
        }
    }

    /**
     * Validates an inpainting mask for a first reference image of the given size. A mask with alpha keeps it; a
     * mask without alpha is converted (luminance becomes alpha: white kept, black edited). The result is RGBA PNG
     * and must mark some area to change (a fully transparent pixel).
     */
    public ValidatedMask validateMask(String displayName, InputStream in, int expectedWidth, int expectedHeight) {
        if (expectedWidth < 1 || expectedHeight < 1) {
            throw new IllegalArgumentException("expected mask dimensions must be positive");
        }
        String name = DisplayNames.quote(displayName);
        String tooLarge = name + " is too large. Mask must be smaller than 4,000,000 bytes.";
        byte[] bytes = read(in, MASK_MAX_BYTES, name, tooLarge);
        if (ImageFormat.detect(bytes).orElse(null) != ImageFormat.PNG) {
            throw new UserInputException(name + " is not a PNG file. Mask must be a PNG file.");
        }
        ImageCodec.Header header = header(name, bytes, ImageFormat.PNG);
        if (header.width() != expectedWidth || header.height() != expectedHeight) {
            throw new UserInputException("Mask dimensions must match reference image dimensions (the mask is "
                    + header.width() + " × " + header.height() + ", the image is " + expectedWidth + " × "
                    + expectedHeight + ").");
        }
        record Converted(byte[] png, double transparentShare) {}
        Converted converted = decode(name, bytes, ImageFormat.PNG, header, mask -> {
            BufferedImage rgba = MaskAlpha.toRgba(mask);
            return new Converted(ImageCodec.encodePng(rgba), MaskAlpha.transparentShare(rgba));
        });
        if (converted.transparentShare() == 0) {
            throw new UserInputException("The mask has no painted area. Paint over the part of the image that may "
                    + "change (in an uploaded mask: make it transparent, or black in a mask without alpha).");
        }
        if (converted.png().length > MASK_MAX_BYTES) {
            throw new UserInputException(tooLarge);
        }
        byte[] clean = converted.png();
        return new ValidatedMask(new ValidatedImage(clean, ImageFormat.PNG, header.width(), header.height(),
                ImageCodec.sha256Hex(clean)), converted.transparentShare());
    }

    private static void checkCount(int count, UploadLimits limits) {
        if (count == 0) {
            throw new UserInputException("At least one reference image required");
        }
        if (count > limits.maxFiles()) {
            throw new UserInputException(
                    "You can attach at most " + limits.maxFiles() + " reference images for this model.");
        }
    }

    /** Counts while reading and stops one byte past the limit, so an oversized stream is never read to its end. */
    private static byte[] read(InputStream in, long limit, String name, String tooLargeMessage) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(Math.toIntExact(limit + 1));
        } catch (IOException e) {
            throw new UserInputException(name + " could not be received completely. Try uploading it again.");
        }
        if (bytes.length > limit) {
            throw new UserInputException(tooLargeMessage);
        }
        if (bytes.length == 0) {
            throw new UserInputException(name + " is empty.");
        }
        return bytes;
    }

    private static ImageCodec.Header header(String name, byte[] bytes, ImageFormat format) {
        try {
            return ImageCodec.readHeader(bytes, format);
        } catch (IOException e) {
            throw unreadable(name);
        }
    }

    private static boolean hasRgbOrRgbaPixels(String name, byte[] bytes, ImageFormat format) {
        try {
            return ImageCodec.hasRgbOrRgbaPixels(bytes, format);
        } catch (IOException e) {
            throw unreadable(name);
        }
    }

    private static <T> T decode(String name, byte[] bytes, ImageFormat format, ImageCodec.Header header,
            ImageCodec.DecodedWork<T> work) {
        try {
            return ImageCodec.decode(bytes, format, 1, image -> {
                if (image.getWidth() != header.width() || image.getHeight() != header.height()) {
                    throw new IIOException("The data holds other dimensions than the header promised");
                }
                return work.apply(image);
            });
        } catch (IOException e) {
            throw unreadable(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to decode an upload");
        }
    }

    private static UserInputException unreadable(String name) {
        return new UserInputException(name + " could not be read as an image.");
    }

    private static String megabytes(long bytes) {
        return decimal(bytes / 1_000_000.0) + " MB";
    }

    private static String megapixels(long pixels) {
        return decimal(pixels / 1_000_000.0);
    }

    private static String decimal(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
