package studio.imgen.openai;

import java.util.Base64;
import java.util.Optional;

/** Decodes base64 image payloads and accepts only bytes that really are PNG, JPEG or WebP. */
final class ImageBytes {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private ImageBytes() {}

    /** Decodes a final image; anything unusable fails the call as {@link FailureKind#INVALID_RESPONSE}. */
    static GeneratedImage decode(String base64, String requestId) {
        if (base64 == null || base64.isBlank()) {
            throw UpstreamErrors.invalidResponse("image payload is missing or empty", requestId);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw UpstreamErrors.invalidResponse("image payload is not valid base64", requestId);
        }
        String format = formatOf(bytes);
        if (format == null) {
            throw UpstreamErrors.invalidResponse("image payload is not a PNG, JPEG or WebP image", requestId);
        }
        return new GeneratedImage(bytes, format);
    }

    /** Decodes a preview; a broken preview is skipped rather than failing a generation that is being paid for. */
    static Optional<GeneratedImage> decodePreview(String base64) {
        try {
            return Optional.of(decode(base64, null));
        } catch (OpenAiException unusable) {
            return Optional.empty();
        }
    }

    static String formatOf(byte[] bytes) {
        if (startsWith(bytes, PNG, 0)) {
            return "png";
        }
        if (startsWith(bytes, JPEG, 0)) {
            return "jpeg";
        }
        if (startsWith(bytes, RIFF, 0) && startsWith(bytes, WEBP, 8)) {
            return "webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic, int offset) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
