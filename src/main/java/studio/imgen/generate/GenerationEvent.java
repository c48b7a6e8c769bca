package studio.imgen.generate;

import java.util.UUID;

/** Progress of one generation, delivered to subscribed views on the worker's thread. */
public sealed interface GenerationEvent {

    UUID generationId();

    /** The request went upstream. */
    record Started(UUID generationId) implements GenerationEvent {
    }

    /** A preview while the model draws: a small JPEG of partial image {@code index}. */
    record Preview(UUID generationId, int index, byte[] jpeg) implements GenerationEvent {
    }

    /** Finished in any way; the view reloads the details. */
    record Finished(UUID generationId, GenerationStatus status) implements GenerationEvent {
    }
}
