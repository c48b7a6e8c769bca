package studio.imgen.storage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test images built in code, so every fixture documents how it was made. */
final class Fixtures {

    /** Lossless 1×1 WebP (VP8L), transparent; verified to decode with TwelveMonkeys 3.12. */
    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /** Lossy 1×1 WebP (VP8), opaque grey. */
    static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    /** Extended 1×1 WebP (VP8X with an ALPH chunk). */
    static final byte[] WEBP_EXTENDED = Base64.getDecoder().decode(
            "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");

    /*
     * 64×48 WebPs of a disc on a plain background, encoded with libwebp 1.2.4 (WebPEncodeLosslessRGB,
     * WebPEncodeRGBA with compressed alpha, WebPEncodeRGB at quality 80); each verified to decode with TwelveMonkeys.
     */
    static final byte[] WEBP_64X48_LOSSLESS = Base64.getDecoder().decode(
            "UklGRmgAAABXRUJQVlA4TFsAAAAvP8ALAA9wWOS7wB8FdP5jCYxi22pz05dIQArSQBpSkMAyvX3SIyCi/xOw/GnjUxkJC6Mw0AoNUSgI"
            + "ogF/rgB3LgP+qQB3rgF/TkEQGqIw0AoLo1gylmTjUx8HAA==");

    static final byte[] WEBP_64X48_LOSSY_ALPHA = Base64.getDecoder().decode(
            "UklGRsoBAABXRUJQVlA4WAoAAAAQAAAAPwAALwAAQUxQSBwAAAABmQpE9D+goG0bpm/8aQfBFDEBqYPOoDPoyPsOVlA4IIgBAAAwDACd"
            + "ASpAADAAPmUojUWkIqEarf0AQAZEtgA8Qvjv4gflVvgMOk/EdIDbAeYD9gP0z7AHoAf1XqAPQA/TP0w/2O+Cn9xv2x9pcmRt1eirvvVc"
            + "Yl4toHB2duJub97VjUGVo9aDilO8zowAAP7svY//+kzPQXXcv//z8j2FG9ybWW8fmj+kHvqf6jcVyxaW8iAioNywT8hccB7i0a6+zyWi"
            + "lX2PtPEYXj/PBG/lPXeQt7zdJ+JBZeOsZac23ZYA3MW6e6xCPzFTyw5aXi7/96TGsYA+oeV4LukP/P9SZs16+YBdhZppj+9d64dOypiJ"
            + "oFd/Y00EknYPEWLlZUeaCzSo77bqU07pjvYJzjk1PYkFMTI6w6Y9lp/tyxQB0XcIwgzS5O8wshcJxKQeUxNK643jNeM4SsJ6/0A76Uc2"
            + "iCRQfndWX4a3S2ef7TZF+zHoUKa4l8omx16BiG/GS3xmRT4oY8JW+DGqHQJ2tHK/vzudR++dwUa9AIyDMjFWRodbl63Ra740AQAAAA==");

    static final byte[] WEBP_64X48_LOSSY = Base64.getDecoder().decode(
            "UklGRu4AAABXRUJQVlA4IOIAAABQBwCdASpAADAAPm0uk0YyIqGhLUgCQA2JZGxnTLbFnxvhqa8Dh4+gzEp2GcdXPo2Mj17SYuAfaUAK"
            + "VHpE3/6YKMEAAP7/xPja7iETWeAyUIGnkVOQD7/Xy7fyAGfEsZ8oOzeb3vZDMzCzeR7fnbE9vTAqQsYsLtk9I71QhpJgMZd1EjacwRJG"
            + "Qf05hLebJAqsVGh6mgtNngBJlveL06PS+OlBC7BSciwjcvSDPAlOdVyNBMsXk3OjXx/9f8hpxopmmutA+esjkzfaVRAeaY72lQV+eTp5"
            + "MA3iSyHFzOVsAAAA");

    /**
     * The lossless 1×1 WebP with two bytes mutated (found by fuzzing). TwelveMonkeys reads past its end as endless zero
     * bits and took over 30 seconds on it before reads past the end were capped.
     */
    static final byte[] WEBP_ENDLESS_ZEROS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERH0iP4HEA==");

    private Fixtures() {}

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** A picture with some structure (so compression and corruption behave like real data). */
    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200, 255));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(240, 200, 40, 200));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setColor(Color.RED);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        return image;
    }

    static byte[] png(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    static byte[] rgbaPng(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] grayPng(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_BYTE_GRAY), "png");
    }

    static byte[] grayJpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_BYTE_GRAY), "jpeg");
    }

    static byte[] palettePng(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_BYTE_INDEXED), "png");
    }

    static byte[] rgb16Png(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x * 1000 % 65536, y * 1000 % 65536, 40000});
            }
        }
        return write(new BufferedImage(model, raster, false, null), "png");
    }

    /** Four 8-bit components without an Adobe marker: a CMYK JPEG to every decoder. */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x % 256, y % 256, 128, 0});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Two frames, written with the JDK's GIF writer. */
    static byte[] animatedGif() {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (int frame = 0; frame < 2; frame++) {
                BufferedImage image = picture(16 + frame, 16, BufferedImage.TYPE_BYTE_INDEXED);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.mergeTree("javax_imageio_gif_image_1.0", root);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format + " and " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG chunk with a correct CRC. */
    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).order(ByteOrder.BIG_ENDIAN)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /** The PNG with an extra chunk right after IHDR (signature 8 bytes + IHDR 25 bytes). */
    static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        return concat(slice(png, 0, 33), pngChunk(type, data), slice(png, 33, png.length));
    }

    /**
     * Signature, an IHDR with the given size (8-bit RGBA) and a correct CRC, a tiny IDAT and IEND: what a decompression
     * bomb looks like to a header reader.
     */
    static byte[] pngHeader(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, pngChunk("IHDR", ihdr),
                pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}),
                pngChunk("IEND", new byte[0]));
    }

    /** The JPEG with an extra APPn segment right after SOI. */
    static byte[] withSegmentAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        byte[] header = {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)};
        return concat(slice(jpeg, 0, 2), header, payload, slice(jpeg, 2, jpeg.length));
    }

    /** An EXIF APP1 payload (big-endian TIFF) with an orientation tag and an ASCII GPS-like note as a second tag. */
    static byte[] exifPayload(int orientation, String note) {
        byte[] text = (note + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifdSize = 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(8 + ifdSize + text.length).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + ifdSize);
        tiff.putInt(0);
        tiff.put(text);
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    /** All marker numbers of a JPEG's header segments. */
    static List<Integer> jpegMarkers(byte[] jpeg) throws IOException {
        List<Integer> markers = new ArrayList<>();
        for (JpegSegments.Segment segment : JpegSegments.header(jpeg)) {
            markers.add(segment.marker());
        }
        return markers;
    }

    /** Chunk types of a PNG, in order. */
    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = buffer.getInt(pos);
            types.add(new String(png, pos + 4, 4, StandardCharsets.US_ASCII));
            pos += 12 + length;
        }
        return types;
    }

    static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
