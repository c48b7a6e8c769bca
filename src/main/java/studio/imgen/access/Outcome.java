package studio.imgen.access;

import java.util.Objects;

/** Either the allowed value or the refusal that explains why there is none. */
public sealed interface Outcome<T> permits Outcome.Allowed, Outcome.Refused {

    record Allowed<T>(T value) implements Outcome<T> {
        public Allowed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** The value, or an {@link AccessRefusedException} carrying the refusal. */
    default T orElseThrow() {
        if (this instanceof Allowed<T> allowed) {
            return allowed.value();
        }
        throw new AccessRefusedException(((Refused<T>) this).refusal());
    }

    static <T> Outcome<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }
}
