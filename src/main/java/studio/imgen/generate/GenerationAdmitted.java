package studio.imgen.generate;

import java.util.UUID;

/** A submission passed every check and was queued (its cooldown and quota are consumed). */
public record GenerationAdmitted(UUID generationId, UUID workspaceId, UUID userId, RecordedRequest request)
        implements GenerationRecorded {

    @Override
    public GenerationStatus status() {
        return GenerationStatus.QUEUED;
    }
}
