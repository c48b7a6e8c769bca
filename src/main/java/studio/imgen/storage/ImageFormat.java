package studio.imgen.storage;

import java.util.Arrays;
import java.util.Optional;

/** The only image formats the app accepts, stores and serves. */
public enum ImageFormat {
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    WEBP("image/webp", "webp", new byte[] {'R', 'I', 'F', 'F'});

    private static final byte[] WEBP_FORM_TYPE = {'W', 'E', 'B', 'P'};

    private final String mimeType;
    private final String extension;
    private final byte[] magic;

    ImageFormat(String mimeType, String extension, byte[] magic) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mimeType() {
        return mimeType;
    }

    /** File extension without the dot, used in storage keys and download names. */
    public String extension() {
        return extension;
    }

    /** Identifies the format from the first bytes only; the client's file name and type never count. */
    public static Optional<ImageFormat> detect(byte[] head) {
        if (head == null) {
            return Optional.empty();
        }
        for (ImageFormat format : values()) {
            if (startsWith(head, 0, format.magic)) {
                // RIFF is a generic container (WAV, AVI…): WebP is the RIFF whose form type is WEBP.
                if (format != WEBP || startsWith(head, 8, WEBP_FORM_TYPE)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<ImageFormat> fromExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
