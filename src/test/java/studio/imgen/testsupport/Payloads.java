package studio.imgen.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Image payloads for one reply, corrupted on purpose when a fault asks for it. */
final class Payloads {

    private final FakeImages images;
    private final Fault.Mode corruption;

    Payloads(FakeImages images, Fault.Mode corruption) {
        this.images = images;
        this.corruption = corruption;
    }

    String image(FakeImages.Size size, String outputFormat, boolean transparent) {
        if (corruption == Fault.Mode.INVALID_BASE64) {
            return "%%% this is not base64 %%%";
        }
        if (corruption == Fault.Mode.NON_IMAGE_BYTES) {
            return Base64.getEncoder().encodeToString("<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
        }
        return images.renderBase64(size, outputFormat, transparent);
    }

    boolean omitImages() {
        return corruption == Fault.Mode.MISSING_DATA;
    }
}
