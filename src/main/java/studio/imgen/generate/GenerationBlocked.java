package studio.imgen.generate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a member cannot generate right now: the sentence the server would refuse a submission with, and when waiting
 * helps (cooldown, quota, budget), the moment it ends.
 */
public record GenerationBlocked(String message, Optional<Instant> until) {

    public GenerationBlocked {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(until, "until");
    }
}
