package studio.imgen.thread;

import java.util.Optional;
import java.util.UUID;
import studio.imgen.generate.GeneratedImageView;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationStatus;

/**
 * One turn of a thread. A starting turn holds an existing image ({@code startImageId}, {@code origin} is the
 * generation that made it, if still visible); every other turn is a generation.
 *
 * @param mode {@code start}, {@code conversation} or {@code direct_edit}: how the turn was sent
 */
public record ThreadTurn(UUID id, int seq, String mode, UUID startImageId, GenerationDetails origin,
                         GenerationDetails generation) {

    public boolean start() {
        return generation == null;
    }

    public boolean running() {
        return generation != null && !generation.status().finished();
    }

    /** The image this turn hands to the next one: the starting image or the first result. */
    public Optional<UUID> image() {
        if (start()) {
            return Optional.of(startImageId);
        }
        return generation.status() == GenerationStatus.SUCCEEDED && !generation.images().isEmpty()
                ? Optional.of(generation.images().get(0).id()) : Optional.empty();
    }

    /** The size of the image this turn hands on, when it is known (for painting a mask on it). */
    public Optional<GeneratedImageView> imageView() {
        return image().flatMap(id -> settings().flatMap(s -> s.images().stream()
                .filter(i -> i.id().equals(id)).findFirst()));
    }

    /** The settings shown as chips and offered again: the turn's own, or for a start turn its origin's. */
    public Optional<GenerationDetails> settings() {
        return Optional.ofNullable(generation != null ? generation : origin);
    }

    /** OpenAI had forgotten the conversation, so this turn was a direct edit of the previous image. */
    public boolean fellBack() {
        return generation != null && generation.conversation() != null && generation.conversation().fellBack();
    }
}
