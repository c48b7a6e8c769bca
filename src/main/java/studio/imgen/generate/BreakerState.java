package studio.imgen.generate;

/** The upstream circuit breaker of one workspace, as {@link UpstreamBreakers#stateOf} reports it. */
public enum BreakerState {
    /** Requests go upstream normally. */
    CLOSED,
    /** Too many consecutive server or transport failures: jobs fail fast without calling OpenAI. */
    OPEN,
    /** The cool-off is over: one trial request decides between closed and open. */
    HALF_OPEN
}
