package studio.imgen.audit;

import java.time.Instant;

/**
 * A workspace's webhook as its admins see it: the URL and how the last delivery went.
 *
 * @param lastStatus "delivered", "failed", or null before the first delivery
 * @param lastError what went wrong last time (never the URL or a response body)
 */
public record WebhookSettings(String url, String lastStatus, Instant lastAttemptAt, Integer lastHttpStatus,
                              String lastError, Instant lastDeliveredAt, int failuresInARow) {
}
