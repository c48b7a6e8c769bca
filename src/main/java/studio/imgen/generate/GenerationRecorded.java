package studio.imgen.generate;

import java.util.UUID;

/**
 * A generation reached a state worth recording: admitted (queued), or finished in any way. Published after the state
 * is committed; listeners (the audit log) read the generation row for the details.
 */
public record GenerationRecorded(UUID generationId, UUID workspaceId, UUID userId, GenerationStatus status) {
}
