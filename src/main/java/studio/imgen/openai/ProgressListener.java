package studio.imgen.openai;

/**
 * Callbacks from a running OpenAI call, invoked on the calling thread. Implementations must be quick and must not
 * throw; a UI applies them through its own {@code access} mechanism.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {};

    /**
     * Called immediately before a request goes upstream, once per attempt. The job system records
     * {@code request_sent_at} here, so that a crash afterwards is treated as "result unknown" instead of re-sending.
     */
    default void requestSending() {}

    /**
     * Called after an attempt failed, once per failed attempt (retried or not), with the classified failure. Lets
     * the job system count transport and server failures per workspace (circuit breaker).
     */
    default void attemptFailed(OpenAiException failure) {}

    /** A streamed preview; {@code imageBytes} is a decoded PNG, JPEG or WebP image. */
    default void partialImage(int index, byte[] imageBytes) {}
}
