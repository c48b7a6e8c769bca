package studio.imgen.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a member may not do what they asked: a typed reason for the audit log and a sentence to show only to
 * that member. {@code retryAt} is set when waiting helps (cooldown, quota, budget), so views can show the
 * absolute time next to the relative one in the message.
 */
public record Refusal(Reason reason, String message, Optional<Instant> retryAt) {

    public enum Reason {
        NO_ROLE, COOLDOWN, DAILY_QUOTA, MONTHLY_QUOTA, MONTHLY_BUDGET,
        NO_MODELS, NO_SIZES, NO_QUALITIES,
        INVALID_MODEL, INVALID_SIZE, INVALID_QUALITY,
        MODEL_NOT_ALLOWED, SIZE_NOT_ALLOWED, QUALITY_NOT_ALLOWED,
        SIZE_NOT_SUPPORTED, QUALITY_NOT_SUPPORTED
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAt, "retryAt");
    }

    static Refusal of(Reason reason, String message) {
        return new Refusal(reason, message, Optional.empty());
    }

    static Refusal until(Reason reason, String message, Instant retryAt) {
        return new Refusal(reason, message, Optional.of(retryAt));
    }
}
