package studio.imgen.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseError;
import com.openai.models.responses.ResponseInputImage;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem.ImageGenerationCall;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.Tool;
import com.openai.models.responses.ToolChoiceTypes;
import java.util.List;

/** One attempt at a Responses API turn with the {@code image_generation} tool, plain or streamed. */
final class ConversationCalls {

    private ConversationCalls() {}

    static ConversationResult respond(OpenAIClient client, ConversationRequest request, RequestOptions options,
            ProgressListener listener, Redactor redactor) {
        ResponseCreateParams params = params(request);
        if (request.partialImages() == 0) {
            try (HttpResponseFor<Response> raw = client.responses().withRawResponse().create(params, options)) {
                String requestId = raw.requestId().orElse(null);
                try {
                    return read(raw.parse(), null, requestId, redactor);
                } catch (OpenAIInvalidDataException unreadable) {
                    throw UpstreamErrors.invalidResponse("response body does not match Response ("
                            + unreadable.getClass().getSimpleName() + ")", requestId);
                }
            }
        }
        try (HttpResponseFor<StreamResponse<ResponseStreamEvent>> raw =
                        client.responses().withRawResponse().createStreaming(params, options);
                StreamResponse<ResponseStreamEvent> stream = raw.parse()) {
            var turn = new StreamedTurn(raw.requestId().orElse(null), listener, redactor);
            stream.stream().forEach(turn::accept);
            return turn.result();
        }
    }

    static ResponseCreateParams params(ConversationRequest r) {
        var message = ResponseInputItem.Message.builder()
                .role(ResponseInputItem.Message.Role.USER)
                .addInputTextContent(r.prompt());
        for (InputImage image : r.inputImages()) {
            message.addContent(ResponseInputImage.builder()
                    .imageUrl(image.dataUrl())
                    .detail(ResponseInputImage.Detail.AUTO)
                    .build());
        }
        var b = ResponseCreateParams.builder()
                .model(r.mainlineModel())
                .inputOfResponse(List.of(ResponseInputItem.ofMessage(message.build())))
                .addTool(tool(r.imageModel(), r.tool()))
                // Forced, so a chatty model cannot answer with text only.
                .toolChoice(ToolChoiceTypes.builder().type(ToolChoiceTypes.Type.IMAGE_GENERATION).build())
                .store(true);
        if (r.previousResponseId() != null) {
            b.previousResponseId(r.previousResponseId());
        }
        if (r.safetyIdentifier() != null) {
            b.safetyIdentifier(r.safetyIdentifier());
        }
        return b.build();
    }

    private static Tool.ImageGeneration tool(String imageModel, ImageToolOptions o) {
        var t = Tool.ImageGeneration.builder().model(imageModel);
        if (o.size() != null) {
            t.size(o.size());
        }
        if (o.quality() != null) {
            t.quality(Tool.ImageGeneration.Quality.of(o.quality()));
        }
        if (o.outputFormat() != null) {
            t.outputFormat(Tool.ImageGeneration.OutputFormat.of(o.outputFormat()));
        }
        if (o.background() != null) {
            t.background(Tool.ImageGeneration.Background.of(o.background()));
        }
        if (o.inputFidelity() != null) {
            t.inputFidelity(Tool.ImageGeneration.InputFidelity.of(o.inputFidelity()));
        }
        if (o.partialImages() > 0) {
            t.partialImages(o.partialImages());
        }
        if (o.action() != null) {
            t.action(Tool.ImageGeneration.Action.of(o.action().wireValue()));
        }
        if (o.mask() != null) {
            t.inputImageMask(Tool.ImageGeneration.InputImageMask.builder().imageUrl(o.mask().dataUrl()).build());
        }
        return t.build();
    }

    /**
     * Builds the result from a finished response. {@code streamedCall} is the image call seen in
     * {@code response.output_item.done}, used when the final response does not repeat it.
     */
    static ConversationResult read(Response response, ImageGenerationCall streamedCall, String requestId,
            Redactor redactor) {
        var error = response._error().asKnown();
        if (error.isPresent()) {
            throw failure(error.get(), requestId, redactor);
        }
        ImageGenerationCall call = response.output().stream()
                .flatMap(item -> item.imageGenerationCall().stream())
                .findFirst()
                .orElse(streamedCall);
        if (call == null) {
            throw UpstreamErrors.invalidResponse("response has no image_generation_call", requestId);
        }
        if (call.result().isEmpty() && streamedCall != null && streamedCall.result().isPresent()) {
            call = streamedCall;
        }
        return result(response.id(), call, requestId, redactor,
                response._usage().asKnown().map(UsageReader::of).orElse(TokenUsage.NONE),
                response._toolUsage().asKnown().flatMap(u -> u._imageGen().asKnown()).map(UsageReader::of)
                        .orElse(TokenUsage.NONE));
    }

    static ConversationResult result(String responseId, ImageGenerationCall call, String requestId,
            Redactor redactor, TokenUsage mainlineUsage, TokenUsage imageUsage) {
        var callError = call._error().asKnown();
        if (callError.isPresent()) {
            var e = callError.get();
            throw UpstreamErrors.fromBodyError(e._type().asKnown().orElse(null), e._code().asKnown().orElse(null),
                    e._param().asKnown().orElse(null), e._message().asKnown().orElse(null), requestId, redactor);
        }
        GeneratedImage image = ImageBytes.decode(call.result().orElse(null), requestId);
        return new ConversationResult(responseId, call.id(), image,
                call.revisedPrompt().orElse(null),
                call.outputFormat().map(Object::toString).orElse(null),
                call.size().map(Object::toString).orElse(null),
                call.quality().map(Object::toString).orElse(null),
                call.background().map(Object::toString).orElse(null),
                mainlineUsage, imageUsage, requestId);
    }

    static OpenAiException failure(ResponseError error, String requestId, Redactor redactor) {
        return UpstreamErrors.fromBodyError(error._type().asKnown().orElse(null),
                error._code().asKnown().map(ResponseError.Code::asString).orElse(null),
                error._param().asKnown().orElse(null), error._message().asKnown().orElse(null), requestId, redactor);
    }
}
