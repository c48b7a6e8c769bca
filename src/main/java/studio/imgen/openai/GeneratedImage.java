package studio.imgen.openai;

import java.util.Objects;

/**
 * One decoded image. {@code format} ({@code png}, {@code jpeg} or {@code webp}) comes from the bytes' magic number,
 * not from what OpenAI claimed.
 */
public record GeneratedImage(byte[] bytes, String format) {

    public GeneratedImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(format, "format");
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + format + ", " + bytes.length + " bytes]";
    }
}
