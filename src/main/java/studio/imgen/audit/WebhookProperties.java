package studio.imgen.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing log webhook delivery.
 *
 * @param allowPrivate allow loopback and private-network targets (tests, or an intranet chat server); off by default
 *                     so that a workspace admin cannot make the server call its own network (SSRF)
 * @param connectTimeout TCP/TLS connect timeout per attempt
 * @param requestTimeout whole-response timeout per attempt
 * @param maxAttempts attempts per message, the first included
 * @param backoff wait before the second attempt; doubles for each further one
 * @param maxPending messages waiting or being delivered at once; beyond that new messages are dropped (and recorded)
 * @param threads posts on the wire at once (each message waits, and backs off, on its own virtual thread)
 */
@ConfigurationProperties(prefix = "app.webhook")
record WebhookProperties(Boolean allowPrivate, Duration connectTimeout, Duration requestTimeout, Integer maxAttempts,
                         Duration backoff, Integer maxPending, Integer threads) {

    WebhookProperties {
        allowPrivate = allowPrivate != null && allowPrivate;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
        maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        maxPending = maxPending == null ? 100 : Math.max(1, maxPending);
        threads = threads == null ? 2 : Math.max(1, threads);
    }
}
