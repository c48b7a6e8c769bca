package studio.imgen.openai;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A classified OpenAI failure. {@link #userMessage()} is safe to show to members; {@link #detail()} holds the raw
 * upstream status, code and message for the server log and the admin audit, with anything that looks like an API
 * key masked. No SDK exception is kept as the cause: its text is not under our control.
 */
public final class OpenAiException extends RuntimeException {

    private final FailureKind kind;
    private final String userMessage;
    private final String detail;
    private final String param;
    private final Integer httpStatus;
    private final String upstreamCode;
    private final String requestId;
    private final Duration retryAfter;
    private final boolean requestMayHaveBeenSent;
    private final int attempts;

    private OpenAiException(Builder b, int attempts) {
        super(b.kind + ": " + b.detail);
        this.kind = b.kind;
        this.userMessage = userMessage(b);
        this.detail = b.detail;
        this.param = b.param;
        this.httpStatus = b.httpStatus;
        this.upstreamCode = b.upstreamCode;
        this.requestId = b.requestId;
        this.retryAfter = b.retryAfter;
        this.requestMayHaveBeenSent = b.requestMayHaveBeenSent;
        this.attempts = attempts;
    }

    public FailureKind kind() {
        return kind;
    }

    /** A human sentence for members (imgen-behaviour.md §4.6). */
    public String userMessage() {
        return userMessage;
    }

    /** Upstream status, type, code and message (keys masked) for the server log and the admin audit. */
    public String detail() {
        return detail;
    }

    /** The HTTP status OpenAI answered with; null when no response came back. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** OpenAI's error {@code code} (or {@code type} when there is no code); may be null. */
    public String upstreamCode() {
        return upstreamCode;
    }

    /** OpenAI's {@code x-request-id}; null when no response came back. */
    public String requestId() {
        return requestId;
    }

    /** When OpenAI said how long to wait ({@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * True when OpenAI may have received and billed the request although no definitive answer came back (read
     * timeout, connection lost after sending, stream cut off). The outcome is unknown: never re-send blindly. False
     * when the request provably did not leave or OpenAI answered with an error.
     */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }

    /** Whether the member's cooldown is given back: always, except when the safety system blocked the request. */
    public boolean refundsCooldown() {
        return kind != FailureKind.MODERATION_BLOCKED;
    }

    /** Upstream attempts made for this call, retries included. */
    public int attempts() {
        return attempts;
    }

    OpenAiException withAttempts(int count) {
        OpenAiException copy = new OpenAiException(toBuilder(), count);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private Builder toBuilder() {
        Builder b = new Builder(kind, detail);
        b.httpStatus = httpStatus;
        b.upstreamCode = upstreamCode;
        b.requestId = requestId;
        b.retryAfter = retryAfter;
        b.requestMayHaveBeenSent = requestMayHaveBeenSent;
        b.param = param;
        return b;
    }

    static Builder builder(FailureKind kind, String detail) {
        return new Builder(kind, detail);
    }

    private static String userMessage(Builder b) {
        return switch (b.kind) {
            case BAD_REQUEST -> RequestProblems.badRequest(b.upstreamCode, b.param);
            case INVALID_IMAGE -> RequestProblems.invalidImage(b.upstreamCode, b.param, b.kind.defaultUserMessage());
            case RATE_LIMITED -> b.retryAfter == null
                    ? b.kind.defaultUserMessage()
                    : "OpenAI's rate limit for this workspace was reached; try again in "
                            + Math.max(1, (b.retryAfter.toMillis() + 999) / 1000) + " s.";
            default -> b.kind.defaultUserMessage();
        };
    }

    /** Collects the fields of a failure; the retry policy adds the attempt count when the call ends. */
    static final class Builder {
        private final FailureKind kind;
        private final String detail;
        private Integer httpStatus;
        private String upstreamCode;
        private String param;
        private String requestId;
        private Duration retryAfter;
        private boolean requestMayHaveBeenSent;

        private Builder(FailureKind kind, String detail) {
            this.kind = Objects.requireNonNull(kind);
            this.detail = Objects.requireNonNull(detail);
        }

        Builder httpStatus(Integer status) {
            this.httpStatus = status;
            return this;
        }

        Builder upstreamCode(String code) {
            this.upstreamCode = code;
            return this;
        }

        /** OpenAI's {@code param}: which option a 400 is about, to tell the member what to change. */
        Builder param(String name) {
            this.param = name;
            return this;
        }

        Builder requestId(String id) {
            this.requestId = id;
            return this;
        }

        Builder retryAfter(Duration wait) {
            this.retryAfter = wait;
            return this;
        }

        Builder requestMayHaveBeenSent(boolean maybe) {
            this.requestMayHaveBeenSent = maybe;
            return this;
        }

        OpenAiException build() {
            return new OpenAiException(this, 1);
        }
    }
}
