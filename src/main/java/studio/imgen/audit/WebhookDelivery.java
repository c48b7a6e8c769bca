package studio.imgen.audit;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;

/**
 * Posts webhook messages in the background, never on a member's or worker's thread. Each message has its own virtual
 * thread, which waits out the backoff between attempts without occupying a platform thread; at most {@code threads}
 * posts are on the wire at once, and at most {@code maxPending} messages are in the system at once, beyond that new
 * ones are dropped and the drop is recorded. Each attempt re-checks the target's addresses, has short timeouts and
 * follows no redirect. The URL (a secret for chat services) is never logged; only the outcome is recorded, where the
 * workspace's admins see it.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** The final outcome of one message. */
    record Result(boolean delivered, Integer httpStatus, String error, int attempts) {
    }

    private final WebhookProperties properties;
    private final WebhookRepository webhooks;
    private final ApplicationEventPublisher events;
    private final HttpClient client;
    private final ExecutorService deliveries;
    /** Posts on the wire at once ({@code app.webhook.threads}): a bound, not a thread count. */
    private final Semaphore posting;
    private final Semaphore pending;

    WebhookDelivery(WebhookProperties properties, WebhookRepository webhooks, ApplicationEventPublisher events) {
        this.properties = properties;
        this.webhooks = webhooks;
        this.events = events;
        this.pending = new Semaphore(properties.maxPending());
        this.posting = new Semaphore(properties.threads());
        this.deliveries = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 1).factory());
        this.client = HttpClient.newBuilder()
                // The client's own response handling runs on virtual threads too, not on a pool of its own.
                .executor(deliveries)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /** Queues a message; the future completes with its final outcome (already recorded by then). */
    CompletableFuture<Result> send(UUID workspaceId, String url, String json, int maxAttempts) {
        CompletableFuture<Result> outcome = new CompletableFuture<>();
        if (!pending.tryAcquire()) {
            finish(workspaceId, url, new Result(false, null, "Dropped: too many webhook messages waiting", 0), outcome);
            return outcome;
        }
        deliveries.execute(() -> deliver(workspaceId, url, json, Math.max(1, maxAttempts), outcome));
        return outcome;
    }

    CompletableFuture<Result> send(UUID workspaceId, String url, String json) {
        return send(workspaceId, url, json, properties.maxAttempts());
    }

    /** Attempts until delivered, refused for good or out of attempts, then records the outcome. */
    private void deliver(UUID workspaceId, String url, String json, int maxAttempts, CompletableFuture<Result> outcome) {
        Attempt last = attempt(url, json, 1);
        while (!last.result().delivered() && last.retryable() && last.result().attempts() < maxAttempts) {
            try {
                Thread.sleep(backoffBefore(last.result().attempts() + 1));
            } catch (InterruptedException e) {
                // Shutting down: the last attempt's outcome is the message's.
                Thread.currentThread().interrupt();
                break;
            }
            last = attempt(url, json, last.result().attempts() + 1);
        }
        pending.release();
        finish(workspaceId, url, last.result(), outcome);
    }

    private record Attempt(Result result, boolean retryable) {
    }

    private Attempt attempt(String url, String json, int attempt) {
        try {
            posting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(new Result(false, null, "Interrupted", attempt), false);
        }
        try {
            return post(url, json, attempt);
        } finally {
            posting.release();
        }
    }

    private Attempt post(String url, String json, int attempt) {
        Result result;
        boolean retryable;
        try {
            URI uri = WebhookTarget.parse(url);
            WebhookTarget.checkAddresses(uri, properties.allowPrivate());
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri)
                            .timeout(properties.requestTimeout())
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("User-Agent", "ImGen-Studio-Webhook")
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            result = new Result(status / 100 == 2, status, status / 100 == 2 ? null : describe(status), attempt);
            retryable = status == 408 || status == 429 || status >= 500;
        } catch (UserInputException e) {
            result = new Result(false, null, e.getMessage(), attempt);
            retryable = false;
        } catch (HttpConnectTimeoutException e) {
            result = new Result(false, null, "Could not connect within " + properties.connectTimeout().toSeconds() + " s", attempt);
            retryable = true;
        } catch (HttpTimeoutException e) {
            result = new Result(false, null, "No answer within " + properties.requestTimeout().toSeconds() + " s", attempt);
            retryable = true;
        } catch (ConnectException e) {
            result = new Result(false, null, "Connection refused", attempt);
            retryable = true;
        } catch (IOException e) {
            result = new Result(false, null, "Network error: " + e.getClass().getSimpleName(), attempt);
            retryable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new Result(false, null, "Interrupted", attempt);
            retryable = false;
        } catch (RuntimeException e) {
            log.warn("Webhook delivery failed unexpectedly", e);
            result = new Result(false, null, "Internal error", attempt);
            retryable = false;
        }
        return new Attempt(result, retryable);
    }

    /** Backoff doubles per attempt, with ±20 % jitter so that many failing workspaces do not retry in lockstep. */
    long backoffBefore(int attempt) {
        long base = properties.backoff().toMillis() << Math.min(attempt - 2, 10);
        return Math.max(1, Math.round(base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    private static String describe(int status) {
        return status / 100 == 3 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
    }

    private void finish(UUID workspaceId, String url, Result result, CompletableFuture<Result> outcome) {
        try {
            webhooks.recordOutcome(workspaceId, url, result.delivered(), result.httpStatus(),
                    result.delivered() ? null : result.error() + (result.attempts() > 1 ? " (" + result.attempts() + " attempts)" : ""));
            if (!result.delivered()) {
                log.info("Webhook delivery for workspace {} failed: {} after {} attempt(s)", workspaceId, result.error(),
                        result.attempts());
            }
        } catch (RuntimeException e) {
            log.warn("Could not record a webhook delivery outcome: {}", e.toString());
        } finally {
            outcome.complete(result);
            events.publishEvent(new WebhookDelivered(workspaceId, result.delivered(), result.attempts()));
        }
    }

    /** A message reached its final outcome (and it is recorded). */
    record WebhookDelivered(UUID workspaceId, boolean delivered, int attempts) {
    }

    @PreDestroy
    void shutdown() {
        deliveries.shutdownNow();
    }
}
