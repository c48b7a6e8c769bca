package studio.imgen.openai;

import com.openai.core.JsonField;
import com.openai.models.images.ImageEditCompletedEvent;
import com.openai.models.images.ImageGenCompletedEvent;
import com.openai.models.images.ImagesResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseUsage;
import java.util.Optional;

/**
 * Reads token usage from the SDK's several usage types without trusting optional details to be present: missing
 * input details count as text input, missing output details as image output (openai-images.md §9).
 */
final class UsageReader {

    private UsageReader() {}

    static TokenUsage of(ImagesResponse.Usage u) {
        var in = u._inputTokensDetails().asKnown();
        var out = u._outputTokensDetails().asKnown();
        return split(known(u._inputTokens()), in.flatMap(d -> known(d._textTokens())),
                in.flatMap(d -> known(d._imageTokens())), known(u._outputTokens()),
                out.flatMap(d -> known(d._imageTokens())), out.flatMap(d -> known(d._textTokens())));
    }

    static TokenUsage of(ImageGenCompletedEvent.Usage u) {
        var in = u._inputTokensDetails().asKnown();
        return split(known(u._inputTokens()), in.flatMap(d -> known(d._textTokens())),
                in.flatMap(d -> known(d._imageTokens())), known(u._outputTokens()), Optional.empty(),
                Optional.empty());
    }

    static TokenUsage of(ImageEditCompletedEvent.Usage u) {
        var in = u._inputTokensDetails().asKnown();
        return split(known(u._inputTokens()), in.flatMap(d -> known(d._textTokens())),
                in.flatMap(d -> known(d._imageTokens())), known(u._outputTokens()), Optional.empty(),
                Optional.empty());
    }

    static TokenUsage of(Response.ToolUsage.ImageGen u) {
        var in = u._inputTokensDetails().asKnown();
        var out = u._outputTokensDetails().asKnown();
        return split(known(u._inputTokens()), in.flatMap(d -> known(d._textTokens())),
                in.flatMap(d -> known(d._imageTokens())), known(u._outputTokens()),
                out.flatMap(d -> known(d._imageTokens())), out.flatMap(d -> known(d._textTokens())));
    }

    /** Mainline (chat model) usage: all of it is text at the chat model's rates. */
    static TokenUsage of(ResponseUsage u) {
        return new TokenUsage(known(u._inputTokens()).orElse(0L), 0, 0, known(u._outputTokens()).orElse(0L));
    }

    private static TokenUsage split(Optional<Long> input, Optional<Long> textIn, Optional<Long> imageIn,
            Optional<Long> output, Optional<Long> imageOut, Optional<Long> textOut) {
        long image = imageIn.orElse(0L);
        long text = textIn.orElse(Math.max(0, input.orElse(0L) - image));
        long textOutput = textOut.orElse(0L);
        long imageOutput = imageOut.orElse(Math.max(0, output.orElse(0L) - textOutput));
        return new TokenUsage(text, image, imageOutput, textOutput);
    }

    private static Optional<Long> known(JsonField<Long> field) {
        return field.asKnown();
    }
}
