package studio.imgen.openai;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseOutputItem.ImageGenerationCall;
import com.openai.models.responses.ResponseStreamEvent;

/**
 * Follows a streamed Responses API turn (openai-images.md §7.4): previews go to the listener, the final image comes
 * from {@code response.output_item.done} or {@code response.completed}, and {@code error} / {@code response.failed}
 * events end the call with a typed failure.
 */
final class StreamedTurn {

    private final String requestId;
    private final ProgressListener listener;
    private final Redactor redactor;
    private String responseId;
    private ImageGenerationCall call;
    private Response completed;

    StreamedTurn(String requestId, ProgressListener listener, Redactor redactor) {
        this.requestId = requestId;
        this.listener = listener;
        this.redactor = redactor;
    }

    void accept(ResponseStreamEvent event) {
        if (event.isCreated()) {
            responseId = event.asCreated().response().id();
        } else if (event.isImageGenerationCallPartialImage()) {
            var partial = event.asImageGenerationCallPartialImage();
            ImageBytes.decodePreview(partial._partialImageB64().asKnown().orElse(null)).ifPresent(image ->
                    listener.partialImage((int) partial.partialImageIndex(), image.bytes()));
        } else if (event.isOutputItemDone()) {
            event.asOutputItemDone().item().imageGenerationCall().ifPresent(done -> call = done);
        } else if (event.isCompleted()) {
            completed = event.asCompleted().response();
        } else if (event.isFailed()) {
            Response failed = event.asFailed().response();
            throw failed._error().asKnown()
                    .map(error -> ConversationCalls.failure(error, requestId, redactor))
                    .orElseGet(() -> UpstreamErrors.fromBodyError(null, null, null, "response.failed without error",
                            requestId, redactor));
        } else if (event.isError()) {
            var error = event.asError();
            throw UpstreamErrors.fromBodyError(null, error.code().orElse(null), error.param().orElse(null),
                    error.message(), requestId, redactor);
        } else if (event.isIncomplete()) {
            throw UpstreamErrors.invalidResponse("response ended incomplete", requestId);
        }
    }

    ConversationResult result() {
        if (completed != null) {
            return ConversationCalls.read(completed, call, requestId, redactor);
        }
        if (call == null || responseId == null) {
            throw UpstreamErrors.invalidResponse("stream ended without an image", requestId);
        }
        return ConversationCalls.result(responseId, call, requestId, redactor, TokenUsage.NONE, TokenUsage.NONE);
    }
}
