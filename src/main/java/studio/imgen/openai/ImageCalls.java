package studio.imgen.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonField;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.images.Image;
import com.openai.models.images.ImageEditCompletedEvent;
import com.openai.models.images.ImageEditStreamEvent;
import com.openai.models.images.ImageGenCompletedEvent;
import com.openai.models.images.ImageGenStreamEvent;
import com.openai.models.images.ImagesResponse;
import java.util.List;
import java.util.Optional;

/** One attempt at an Images API call (generate or edit, plain or streamed), turned into an {@link ImageResult}. */
final class ImageCalls {

    private ImageCalls() {}

    static ImageResult generate(OpenAIClient client, GenerateRequest request, RequestOptions options,
            ProgressListener listener) {
        var params = ImageParams.generate(request);
        if (request.partialImages() == 0) {
            try (HttpResponseFor<ImagesResponse> raw = client.images().withRawResponse().generate(params, options)) {
                return read(raw);
            }
        }
        try (HttpResponseFor<StreamResponse<ImageGenStreamEvent>> raw =
                        client.images().withRawResponse().generateStreaming(params, options);
                StreamResponse<ImageGenStreamEvent> stream = raw.parse()) {
            var collected = new StreamedImages(raw.requestId().orElse(null), listener);
            stream.stream().forEach(event -> {
                event.generationPartialImage().ifPresent(p ->
                        collected.partial(p._partialImageIndex().asKnown().orElse(0L), text(p._b64Json())));
                event.generationCompleted().ifPresent(c -> completed(collected, c));
            });
            return collected.result();
        }
    }

    static ImageResult edit(OpenAIClient client, EditRequest request, RequestOptions options,
            ProgressListener listener) {
        var params = ImageParams.edit(request);
        if (request.partialImages() == 0) {
            try (HttpResponseFor<ImagesResponse> raw = client.images().withRawResponse().edit(params, options)) {
                return read(raw);
            }
        }
        try (HttpResponseFor<StreamResponse<ImageEditStreamEvent>> raw =
                        client.images().withRawResponse().editStreaming(params, options);
                StreamResponse<ImageEditStreamEvent> stream = raw.parse()) {
            var collected = new StreamedImages(raw.requestId().orElse(null), listener);
            stream.stream().forEach(event -> {
                event.partialImage().ifPresent(p ->
                        collected.partial(p._partialImageIndex().asKnown().orElse(0L), text(p._b64Json())));
                event.completed().ifPresent(c -> completed(collected, c));
            });
            return collected.result();
        }
    }

    private static void completed(StreamedImages collected, ImageGenCompletedEvent c) {
        collected.completed(text(c._b64Json()),
                c._size().asKnown().map(Object::toString).orElse(null),
                c._quality().asKnown().map(Object::toString).orElse(null),
                c._background().asKnown().map(Object::toString).orElse(null),
                c._outputFormat().asKnown().map(Object::toString).orElse(null),
                c._usage().asKnown().map(UsageReader::of).orElse(TokenUsage.NONE));
    }

    private static void completed(StreamedImages collected, ImageEditCompletedEvent c) {
        collected.completed(text(c._b64Json()),
                c._size().asKnown().map(Object::toString).orElse(null),
                c._quality().asKnown().map(Object::toString).orElse(null),
                c._background().asKnown().map(Object::toString).orElse(null),
                c._outputFormat().asKnown().map(Object::toString).orElse(null),
                c._usage().asKnown().map(UsageReader::of).orElse(TokenUsage.NONE));
    }

    private static ImageResult read(HttpResponseFor<ImagesResponse> raw) {
        String requestId = raw.requestId().orElse(null);
        try {
            ImagesResponse body = raw.parse();
            List<Image> data = body.data().orElse(List.of());
            if (data.isEmpty()) {
                throw UpstreamErrors.invalidResponse("response has no image data", requestId);
            }
            List<GeneratedImage> images = data.stream()
                    .map(image -> ImageBytes.decode(text(image._b64Json()), requestId))
                    .toList();
            return new ImageResult(images,
                    body.size().map(Object::toString).orElse(null),
                    body.quality().map(Object::toString).orElse(null),
                    body.background().map(Object::toString).orElse(null),
                    body.outputFormat().map(Object::toString).orElse(null),
                    body.usage().map(UsageReader::of).orElse(TokenUsage.NONE),
                    requestId,
                    data.get(0).revisedPrompt().orElse(null));
        } catch (OpenAIInvalidDataException unreadable) {
            // The SDK's message may quote the body; the type is enough for the audit.
            throw UpstreamErrors.invalidResponse("response body does not match ImagesResponse ("
                    + unreadable.getClass().getSimpleName() + ")", requestId);
        }
    }

    private static String text(JsonField<String> field) {
        Optional<String> value = field.asKnown();
        return value.orElse(null);
    }
}
