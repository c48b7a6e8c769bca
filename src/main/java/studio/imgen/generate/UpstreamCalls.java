package studio.imgen.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.catalog.ChatModel;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.openai.ConversationRequest;
import studio.imgen.openai.ConversationResult;
import studio.imgen.openai.EditRequest;
import studio.imgen.openai.FailureKind;
import studio.imgen.openai.GenerateRequest;
import studio.imgen.openai.ImageResult;
import studio.imgen.openai.ImageToolOptions;
import studio.imgen.openai.InputImage;
import studio.imgen.openai.OpenAiException;
import studio.imgen.openai.OpenAiGateway;
import studio.imgen.openai.ProgressListener;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;

/**
 * The upstream call of one job, by kind: a generation, an edit (with its inputs and mask), or a conversation turn
 * through the Responses API with its fallback to a direct edit. Streams partial images through the listener.
 */
@Component
class UpstreamCalls {

    private static final Logger log = LoggerFactory.getLogger(UpstreamCalls.class);

    private final OpenAiGateway gateway;
    private final ModelCatalog catalog;
    private final ImageRepository images;
    private final ImageStore store;

    UpstreamCalls(OpenAiGateway gateway, ModelCatalog catalog, ImageRepository images, ImageStore store) {
        this.gateway = gateway;
        this.catalog = catalog;
        this.images = images;
        this.store = store;
    }

    /** What came back: the images, and how a conversation turn went. */
    record Answer(ImageResult result, TurnOutcome turn) {
    }

    Answer call(String apiKey, GenerationRecord job, ProgressListener listener) {
        List<InputImage> inputs = loadInputs(job);
        InputImage mask = Boolean.TRUE.equals(job.getHasMask()) ? loadMask(job) : null;
        // A masked turn always goes to the edits endpoint: the mask is an Images API part.
        if (job.getMainlineModel() != null && mask == null) {
            return converse(apiKey, job, inputs, listener);
        }
        return new Answer(inputs.isEmpty()
                ? gateway.generate(apiKey, generateRequest(job), listener)
                : gateway.edit(apiKey, editRequest(job, inputs, mask), listener), TurnOutcome.NONE);
    }

    /**
     * A conversation turn (Responses API, image tool forced). With a previous response id only the new prompt is
     * sent and OpenAI keeps the context; chaining by {@code previous_response_id} also avoids the reasoning-model
     * trap of referencing an earlier {@code ig_} item without its reasoning item. Without one, the previous stored
     * image starts a new conversation. When OpenAI no longer has the response, the turn becomes a direct edit of
     * the previous stored image and records that it fell back. Image tokens are billed at the image model's rates;
     * the chat model's tokens are recorded apart (the catalogue holds no chat rates).
     */
    private Answer converse(String apiKey, GenerationRecord job, List<InputImage> inputs, ProgressListener listener) {
        String previous = job.getPreviousResponseId();
        // A shut-down chat model is never sent: its replacement continues the conversation, or the turn edits directly.
        Optional<ChatModel> chat = catalog.chatModelToSend(job.getMainlineModel());
        if (chat.isEmpty()) {
            log.info("Generation {}: chat model {} is shut down and nothing replaces it; direct edit", job.getId(),
                    job.getMainlineModel());
            return directEdit(apiKey, job, inputs, listener,
                    TurnOutcome.fellBack(null, GenerationDetails.Fallback.CHAT_MODEL_SHUT_DOWN));
        }
        try {
            ConversationResult turn = gateway.respond(apiKey, new ConversationRequest(chat.get().id(),
                    job.getModel(), job.getPrompt(), previous == null ? inputs : List.of(), previous,
                    new ImageToolOptions(job.getSize(), job.getQuality(), job.getOutputFormat(), job.getBackground(),
                            job.getInputFidelity(), job.getPartialImages(), ImageToolOptions.Action.EDIT, null),
                    safetyIdentifier(job.getUserId())), listener);
            return new Answer(new ImageResult(List.of(turn.image()), turn.size(), turn.quality(), turn.background(),
                    turn.outputFormat(), turn.imageUsage(), turn.requestId(), turn.revisedPrompt()),
                    TurnOutcome.answered(chat.get().id(), turn.responseId(), turn.mainlineUsage().textInputTokens(),
                            turn.mainlineUsage().textOutputTokens()));
        } catch (OpenAiException e) {
            if (e.kind() != FailureKind.PREVIOUS_RESPONSE_NOT_FOUND || inputs.isEmpty()) {
                throw e;
            }
            log.info("Generation {}: OpenAI no longer has the conversation; falling back to a direct edit", job.getId());
            return directEdit(apiKey, job, inputs, listener,
                    TurnOutcome.fellBack(chat.get().id(), GenerationDetails.Fallback.CONVERSATION_EXPIRED));
        }
    }

    private Answer directEdit(String apiKey, GenerationRecord job, List<InputImage> inputs, ProgressListener listener,
                              TurnOutcome fallback) {
        return new Answer(gateway.edit(apiKey, editRequest(job, inputs, null), listener), fallback);
    }

    private List<InputImage> loadInputs(GenerationRecord job) {
        if (job.getReferenceCount() == 0) {
            return List.of();
        }
        List<ImageRepository.StoredImage> stored = images.inputsOf(job.getWorkspaceId(), job.getId());
        // The SDK sends one content type for all image parts, so a mixed set travels as PNG.
        boolean mixed = stored.stream().map(ImageRepository.StoredImage::format).distinct().count() > 1;
        List<InputImage> inputs = new ArrayList<>();
        for (ImageRepository.StoredImage image : stored) {
            ImageFormat format = image.format();
            try (InputStream in = store.open(StorageKey.original(job.getWorkspaceId(), image.id(), format))) {
                byte[] bytes = in.readAllBytes();
                if (mixed && format != ImageFormat.PNG) {
                    bytes = toPng(bytes);
                    format = ImageFormat.PNG;
                }
                inputs.add(new InputImage(bytes, format.mimeType(), "image." + format.extension()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inputs;
    }

    private InputImage loadMask(GenerationRecord job) {
        UUID maskId = images.maskOf(job.getWorkspaceId(), job.getId())
                .orElseThrow(() -> new JobFailure("mask_missing", "The mask of this edit is missing. Try again."));
        try (InputStream in = store.open(StorageKey.original(job.getWorkspaceId(), maskId, ImageFormat.PNG))) {
            return new InputImage(in.readAllBytes(), "image/png", "mask.png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toPng(byte[] bytes) throws IOException {
        java.awt.image.BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private GenerateRequest generateRequest(GenerationRecord job) {
        return new GenerateRequest(job.getModel(), job.getPrompt(), job.getSize(), job.getQuality(), job.getN(),
                job.getBackground(), job.getOutputFormat(), job.getOutputCompression(), job.getModeration(),
                job.getPartialImages(), safetyIdentifier(job.getUserId()));
    }

    private EditRequest editRequest(GenerationRecord job, List<InputImage> inputs, InputImage mask) {
        return new EditRequest(job.getModel(), job.getPrompt(), inputs, mask, job.getSize(), job.getQuality(), job.getN(),
                job.getBackground(), job.getOutputFormat(), job.getOutputCompression(), job.getInputFidelity(),
                job.getPartialImages(), safetyIdentifier(job.getUserId()));
    }

    /** A stable, non-reversible end-user id for OpenAI's abuse monitoring. */
    static String safetyIdentifier(UUID userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("imgen-user:" + userId).getBytes());
            return "u-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
