package studio.imgen.generate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A generation as its owner and workspace see it: parameters as resolved and sent, outcome, cost, images. */
public record GenerationDetails(UUID id, UUID workspaceId, UUID userId, String userName, String kind,
                                GenerationStatus status, String prompt, String model, String size, String quality,
                                int n, String background, String outputFormat, Integer outputCompression,
                                String moderation, String inputFidelity, int referenceCount, String errorMessage,
                                Long textInputTokens, Long imageInputTokens, Long imageOutputTokens, Long costMicros,
                                Instant createdAt, Instant startedAt, Instant finishedAt, List<GeneratedImageView> images) {

    public String title() {
        return "edit".equals(kind) ? "Edited Image" : "Generated Image";
    }
}
