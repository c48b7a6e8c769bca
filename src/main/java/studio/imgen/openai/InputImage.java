package studio.imgen.openai;

import java.util.Base64;
import java.util.Objects;

/**
 * An image sent to OpenAI (edit input, mask or conversation reference). {@code mimeType} must be what the bytes
 * really are ({@code image/png}, {@code image/jpeg} or {@code image/webp}): OpenAI rejects anything else.
 */
public record InputImage(byte[] bytes, String mimeType, String fileName) {

    public InputImage {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("image is empty");
        }
        if (mimeType == null || !mimeType.startsWith("image/")) {
            throw new IllegalArgumentException("image needs an image/* MIME type");
        }
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("image needs a file name");
        }
    }

    public static InputImage png(byte[] bytes) {
        return new InputImage(bytes, "image/png", "image.png");
    }

    String dataUrl() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "InputImage[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
