package studio.imgen.openai;

import com.openai.core.MultipartField;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenerateParams;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Builds SDK parameters from our requests. Every non-null knob is set; models and enum-like values go through the
 * String / {@code of(...)} overloads so new values need no SDK update.
 */
final class ImageParams {

    private static final Set<String> COMPRESSIBLE_FORMATS = Set.of("jpeg", "webp");

    private ImageParams() {}

    static ImageGenerateParams generate(GenerateRequest r) {
        var b = ImageGenerateParams.builder().model(r.model()).prompt(r.prompt());
        if (r.size() != null) {
            b.size(r.size());
        }
        if (r.quality() != null) {
            b.quality(ImageGenerateParams.Quality.of(r.quality()));
        }
        if (r.n() != null) {
            b.n(r.n().longValue());
        }
        if (r.background() != null) {
            b.background(ImageGenerateParams.Background.of(r.background()));
        }
        if (r.outputFormat() != null) {
            b.outputFormat(ImageGenerateParams.OutputFormat.of(r.outputFormat()));
        }
        if (r.outputCompression() != null && COMPRESSIBLE_FORMATS.contains(r.outputFormat())) {
            b.outputCompression(r.outputCompression().longValue());
        }
        // "auto" is OpenAI's default, so only the less restrictive setting needs sending.
        if ("low".equals(r.moderation())) {
            b.moderation(ImageGenerateParams.Moderation.of("low"));
        }
        if (r.partialImages() > 0) {
            b.partialImages((long) r.partialImages());
        }
        if (r.safetyIdentifier() != null) {
            b.safetyIdentifier(r.safetyIdentifier());
        }
        return b.build();
    }

    /**
     * Built per attempt: the SDK drains the image streams while sending. Explicit content type and file name, because
     * the SDK's defaults ({@code application/octet-stream}, no name) are rejected by OpenAI.
     */
    static ImageEditParams edit(EditRequest r) {
        InputImage first = r.images().get(0);
        List<InputStream> streams = r.images().stream()
                .map(image -> (InputStream) new ByteArrayInputStream(image.bytes()))
                .toList();
        var images = MultipartField.<ImageEditParams.Image>builder()
                .value(ImageEditParams.Image.ofInputStreams(streams))
                .contentType(first.mimeType())
                .filename(first.fileName())
                .build();
        var b = ImageEditParams.builder().model(r.model()).prompt(r.prompt()).image(images);
        if (r.mask() != null) {
            b.mask(MultipartField.<InputStream>builder()
                    .value(new ByteArrayInputStream(r.mask().bytes()))
                    .contentType(r.mask().mimeType())
                    .filename(r.mask().fileName())
                    .build());
        }
        if (r.size() != null) {
            b.size(r.size());
        }
        if (r.quality() != null) {
            b.quality(ImageEditParams.Quality.of(r.quality()));
        }
        if (r.n() != null) {
            b.n(r.n().longValue());
        }
        if (r.background() != null) {
            b.background(ImageEditParams.Background.of(r.background()));
        }
        if (r.outputFormat() != null) {
            b.outputFormat(ImageEditParams.OutputFormat.of(r.outputFormat()));
        }
        if (r.outputCompression() != null && COMPRESSIBLE_FORMATS.contains(r.outputFormat())) {
            b.outputCompression(r.outputCompression().longValue());
        }
        if (r.inputFidelity() != null) {
            b.inputFidelity(ImageEditParams.InputFidelity.of(r.inputFidelity()));
        }
        if (r.partialImages() > 0) {
            b.partialImages((long) r.partialImages());
        }
        if (r.safetyIdentifier() != null) {
            b.safetyIdentifier(r.safetyIdentifier());
        }
        return b.build();
    }
}
