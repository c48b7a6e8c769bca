package studio.imgen.generate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A generation ended (succeeded, failed, cancelled or interrupted): the request, what OpenAI returned and what it
 * cost, the error if any, the timings, and the result images in order (none unless it succeeded).
 */
public record GenerationFinished(UUID generationId, UUID workspaceId, UUID userId, GenerationStatus status,
                                 RecordedRequest request, Outcome outcome, List<UUID> imageIds)
        implements GenerationRecorded {

    public GenerationFinished {
        imageIds = List.copyOf(imageIds);
    }

    /**
     * How it went. Tokens, cost and result fields are null unless OpenAI answered; {@code errorDetail} is the raw
     * upstream detail, for admins only.
     */
    public record Outcome(String errorCode, String errorMessage, String errorDetail, String openaiRequestId,
                          Long textInputTokens, Long imageInputTokens, Long imageOutputTokens, Long textOutputTokens,
                          Long costMicros, Boolean costEstimated, String resultSize, String resultQuality,
                          String resultBackground, String revisedPrompt, Integer attempts, Instant startedAt,
                          Instant requestSentAt, Instant finishedAt) {
    }
}
