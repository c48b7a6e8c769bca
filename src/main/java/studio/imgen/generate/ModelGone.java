package studio.imgen.generate;

import java.util.Optional;

/**
 * A model the member named that this workspace can no longer use: the sentence to show ("That model is no longer
 * available. Use Test Image A instead.") and the replacement's id when one is offered.
 */
public record ModelGone(String message, Optional<String> replacementId) {
}
