package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.GENERATION_INPUT;
import static imgen.db.Tables.IMAGE;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.access.Admission;
import studio.imgen.admin.ApiKeyVault;
import studio.imgen.admin.ModelLifecycleGuard;
import studio.imgen.admin.OpenAiQuotaNotice;
import studio.imgen.catalog.ChatModel;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelCatalog;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.openai.ConversationRequest;
import studio.imgen.openai.ConversationResult;
import studio.imgen.openai.EditRequest;
import studio.imgen.openai.FailureKind;
import studio.imgen.openai.GenerateRequest;
import studio.imgen.openai.ImageResult;
import studio.imgen.openai.ImageToolOptions;
import studio.imgen.openai.InputImage;
import studio.imgen.openai.OpenAiException;
import studio.imgen.openai.OpenAiGateway;
import studio.imgen.openai.ProgressListener;
import studio.imgen.openai.TokenUsage;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageInfo;
import studio.imgen.storage.ImageInspector;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.Thumbnails;

/**
 * Runs admitted generations, each on its own virtual thread, at most {@code app.generation.workers} at once (the
 * bound that protects the workspaces' OpenAI rate limits). Jobs are claimed from the table with a lease (so several
 * instances share the work and a crashed instance's unsent jobs are picked up again), the upstream call runs with no
 * database connection held, and the result is written only by the current lease holder. A job waiting on OpenAI holds
 * no platform thread either: the SDK's blocking call parks its virtual thread.
 */
@Component
class GenerationWorker {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

    private final GenerationJobs jobs;
    private final GenerationEvents events;
    private final OpenAiGateway gateway;
    private final ApiKeyVault keys;
    private final ModelCatalog catalog;
    private final Admission admission;
    private final ImageStore store;
    private final Thumbnails thumbnails;
    private final ImageInspector inspector;
    private final TransactionTemplate transaction;
    private final DSLContext db;
    private final GenerationProperties properties;
    private final UpstreamBreakers breakers;
    private final OpenAiQuotaNotice quotaNotice;
    private final ModelLifecycleGuard lifecycle;
    private final SharedPreviews sharedPreviews;
    private final ExecutorService pool;
    /** Jobs running on this instance: the concurrency bound (permits), not a thread count. */
    private final Semaphore slots;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    /** Cleared at shutdown: from then on this instance takes no new job and leaves the queue to the others. */
    private volatile boolean claiming = true;

    private record Running(UUID leaseToken, UpstreamWait upstream) {
    }

    GenerationWorker(GenerationJobs jobs, GenerationEvents events, OpenAiGateway gateway, ApiKeyVault keys,
                     ModelCatalog catalog, Admission admission, ImageStore store, Thumbnails thumbnails,
                     ImageInspector inspector, TransactionTemplate transaction, DSLContext db,
                     GenerationProperties properties, UpstreamBreakers breakers, OpenAiQuotaNotice quotaNotice,
                     ModelLifecycleGuard lifecycle, SharedPreviews sharedPreviews) {
        this.lifecycle = lifecycle;
        this.sharedPreviews = sharedPreviews;
        this.jobs = jobs;
        this.events = events;
        this.gateway = gateway;
        this.keys = keys;
        this.catalog = catalog;
        this.admission = admission;
        this.store = store;
        this.thumbnails = thumbnails;
        this.inspector = inspector;
        this.transaction = transaction;
        this.db = db;
        this.properties = properties;
        this.breakers = breakers;
        this.quotaNotice = quotaNotice;
        // The table is the real queue; a job gets a thread only once it has a slot.
        this.pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("generation-", 1).factory());
        this.slots = new Semaphore(properties.workers());
    }

    /** Claims as many queued jobs as there are free slots. Called after a submission and on every poll. */
    synchronized void drain() {
        while (claiming && slots.tryAcquire()) {
            var claim = jobs.claimNext(properties.lease());
            if (claim.isEmpty()) {
                slots.release();
                return;
            }
            GenerationJobs.Claim c = claim.get();
            UpstreamWait wait = new UpstreamWait();
            running.put(c.job().getId(), new Running(c.leaseToken(), wait));
            pool.execute(() -> {
                // Every log line of the job carries its id (the "job" field of JSON logs).
                try (var jobContext = MDC.putCloseable("job", c.job().getId().toString())) {
                    run(c, wait);
                } finally {
                    running.remove(c.job().getId());
                    slots.release();
                }
                // A freed worker takes the next queued job at once instead of waiting for the poll.
                drain();
            });
        }
    }

    /** How many jobs this instance is running now. */
    int inFlight() {
        return running.size();
    }

    void resumeClaiming() {
        claiming = true;
    }

    boolean runsHere(UUID generationId) {
        return running.containsKey(generationId);
    }

    /**
     * Stops taking jobs and waits up to {@code grace} for the running ones to end, keeping their leases alive meanwhile
     * (the scheduler that renews them is already stopped at shutdown). True when none is left running.
     */
    boolean finishRunning(java.time.Duration grace, java.time.Duration heartbeatEvery) throws InterruptedException {
        claiming = false;
        long deadline = System.nanoTime() + grace.toNanos();
        int permits = properties.workers();
        // Every permit free again means every job has ended.
        while (!slots.tryAcquire(permits, Math.min(heartbeatEvery.toNanos(), Math.max(0, deadline - System.nanoTime())),
                java.util.concurrent.TimeUnit.NANOSECONDS)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            heartbeat();
        }
        slots.release(permits);
        return true;
    }

    @Scheduled(fixedDelayString = "${app.generation.poll-interval:2s}", initialDelayString = "${app.generation.poll-interval:2s}")
    void poll() {
        try {
            recoverAbandoned();
            drain();
            relayFinishedElsewhere();
        } catch (RuntimeException e) {
            log.warn("Generation poll failed: {}", e.getMessage());
        }
    }

    /** Keeps the leases of our running jobs alive, so other instances do not treat them as abandoned. */
    @Scheduled(fixedDelayString = "${app.generation.heartbeat:30s}")
    void heartbeat() {
        running.forEach((id, job) -> {
            if (!jobs.renewLease(id, job.leaseToken(), properties.lease())) {
                log.warn("Lost the lease of generation {}", id);
            }
        });
    }

    /** Stops waiting for a running job of this instance (the row is already flagged by the service). */
    void interrupt(UUID generationId) {
        Running job = running.get(generationId);
        if (job != null) {
            job.upstream().cancel();
        }
    }

    /**
     * A job followed here may have run on another instance (its worker was free first, or took it over); that
     * instance's events never reach this one, so the end is read from the table and told to the local watchers.
     */
    void relayFinishedElsewhere() {
        List<UUID> elsewhere = events.watched().stream().filter(id -> !running.containsKey(id)).toList();
        if (elsewhere.isEmpty()) {
            return;
        }
        db.select(GENERATION.ID, GENERATION.STATUS).from(GENERATION)
                .where(GENERATION.ID.in(elsewhere).and(GENERATION.STATUS.notIn("queued", "running")))
                .forEach(row -> events.publish(new GenerationEvent.Finished(row.value1(),
                        GenerationStatus.of(row.value2()))));
    }

    void recoverAbandoned() {
        for (GenerationRecord job : jobs.interruptAbandoned()) {
            refund(job);
            events.finished(job.getId(), job.getWorkspaceId(), job.getUserId(), GenerationStatus.INTERRUPTED);
        }
    }

    private void run(GenerationJobs.Claim claim, UpstreamWait wait) {
        GenerationRecord job = claim.job();
        UUID id = job.getId();
        try {
            String apiKey = keys.decrypt(job.getWorkspaceId()).orElseThrow(() -> new JobFailure("no_key",
                    "OpenAI API key not configured. A workspace admin needs to set it in workspace settings."));
            // Admitted before a shutdown date perhaps, but never sent after it.
            ImageModel model = catalog.find(job.getModel()).filter(m -> lifecycle.sendable(job.getWorkspaceId(), m))
                    .orElseThrow(() -> new JobFailure("model_not_available", "That model is no longer available."
                            + " Choose another model and try again."));
            List<InputImage> inputs = loadInputs(job);
            InputImage mask = Boolean.TRUE.equals(job.getHasMask()) ? loadMask(job) : null;
            ProgressListener listener = new ProgressListener() {
                @Override
                public void requestSending() {
                    if (wait.cancelled()) {
                        throw new JobFailure("cancelled", "Cancelled.");
                    }
                    // Checked before every attempt, so an outage noticed mid-retry stops the retries too.
                    if (!breakers.tryAcquire(job.getWorkspaceId())) {
                        throw new JobFailure("upstream_paused", UpstreamBreakers.PAUSED);
                    }
                    if (!jobs.markSending(id, claim.leaseToken())) {
                        breakers.release(job.getWorkspaceId());
                        throw new JobFailure("lease_lost", "Image generation failed or timed out. Try again.");
                    }
                    events.publish(new GenerationEvent.Started(id));
                    wait.enter();
                }

                @Override
                public void attemptFailed(OpenAiException failure) {
                    wait.leave();
                    if (wait.cancelled()) {
                        // The cancel closed the call's socket: our doing, not a sign of OpenAI's health.
                        breakers.release(job.getWorkspaceId());
                    } else {
                        breakers.failed(job.getWorkspaceId(), failure.kind());
                    }
                }

                @Override
                public void partialImage(int index, byte[] imageBytes) {
                    wait.leave();
                    GenerationEvent.Preview preview = new GenerationEvent.Preview(id, index, thumbnails.thumbnail(imageBytes));
                    events.publish(preview);
                    sharedPreviews.store(preview);
                    wait.enter();
                }
            };
            Map<org.jooq.Field<?>, Object> conversationOutcome = new java.util.HashMap<>();
            // A masked turn always goes to the edits endpoint: the mask is an Images API part.
            ImageResult result;
            try {
                result = job.getMainlineModel() != null && mask == null
                        ? converse(apiKey, job, inputs, listener, conversationOutcome)
                        : inputs.isEmpty()
                        ? gateway.generate(apiKey, generateRequest(job), listener)
                        : gateway.edit(apiKey, editRequest(job, inputs, mask), listener);
            } finally {
                wait.leave();
            }
            breakers.succeeded(job.getWorkspaceId());
            quotaNotice.clear(job.getWorkspaceId());
            if (wait.cancelled() || jobs.cancelRequested(id)) {
                cancelled(claim);
                return;
            }
            persist(claim, model, result, conversationOutcome);
        } catch (OpenAiException e) {
            if (wait.cancelled() || jobs.cancelRequested(id)) {
                cancelled(claim);
                return;
            }
            log.info("Generation {} failed upstream: {} {}", id, e.kind(), e.detail());
            if (e.kind() == FailureKind.INSUFFICIENT_QUOTA) {
                quotaNotice.reportExhausted(job.getWorkspaceId());
            }
            if (e.kind() == FailureKind.MODEL_NOT_AVAILABLE) {
                lifecycle.notFound(job.getWorkspaceId(), missingModel(job, e));
            }
            if (jobs.fail(id, claim.leaseToken(), e.kind().name().toLowerCase(), e.userMessage(), e.detail(), e.requestId())
                    && e.refundsCooldown()) {
                refund(job);
            }
            events.finished(id, job.getWorkspaceId(), job.getUserId(), GenerationStatus.FAILED);
        } catch (JobFailure e) {
            if (wait.cancelled()) {
                cancelled(claim);
                return;
            }
            if (jobs.fail(id, claim.leaseToken(), e.code, e.getMessage(), null, null)) {
                refund(job);
            }
            events.finished(id, job.getWorkspaceId(), job.getUserId(), GenerationStatus.FAILED);
        } catch (RuntimeException e) {
            if (wait.cancelled() || jobs.cancelRequested(id)) {
                cancelled(claim);
                return;
            }
            log.error("Generation {} failed", id, e);
            if (jobs.fail(id, claim.leaseToken(), "internal", "Image generation failed. Try again.",
                    e.getClass().getSimpleName(), null)) {
                refund(job);
            }
            events.finished(id, job.getWorkspaceId(), job.getUserId(), GenerationStatus.FAILED);
        }
    }

    private void cancelled(GenerationJobs.Claim claim) {
        if (!jobs.markCancelled(claim.job().getId(), claim.leaseToken())) {
            return; // another instance took the job over and ends it
        }
        refund(claim.job());
        events.finished(claim.job().getId(), claim.job().getWorkspaceId(), claim.job().getUserId(), GenerationStatus.CANCELLED);
    }

    /** Files first, then one short fenced transaction; a refused fence or failure leaves no row and no file. */
    private void persist(GenerationJobs.Claim claim, ImageModel model, ImageResult result,
                         Map<org.jooq.Field<?>, Object> conversationOutcome) {
        GenerationRecord job = claim.job();
        List<ImageRow> rows = new ArrayList<>();
        try {
            int position = 0;
            for (var image : result.images()) {
                ImageInfo info = inspector.inspect(image.bytes());
                UUID imageId = UUID.randomUUID();
                store.put(StorageKey.original(job.getWorkspaceId(), imageId, info.format()), image.bytes());
                rows.add(new ImageRow(imageId, position++, info, image.bytes().length));
                store.put(StorageKey.thumbnail(job.getWorkspaceId(), imageId), thumbnails.thumbnail(image.bytes()));
            }
            TokenUsage usage = result.usage();
            long cost = ModelCatalog.cost(model, usage.textInputTokens(), usage.imageInputTokens(),
                    usage.imageOutputTokens(), usage.textOutputTokens());
            Boolean stored = transaction.execute(status -> {
                Map<org.jooq.Field<?>, Object> outcome = new java.util.HashMap<>();
                outcome.put(GENERATION.OPENAI_REQUEST_ID, result.requestId());
                outcome.put(GENERATION.RESULT_SIZE, result.size());
                outcome.put(GENERATION.RESULT_QUALITY, result.quality());
                outcome.put(GENERATION.RESULT_BACKGROUND, result.background());
                outcome.put(GENERATION.REVISED_PROMPT, result.revisedPrompt());
                outcome.put(GENERATION.TEXT_INPUT_TOKENS, usage.textInputTokens());
                outcome.put(GENERATION.IMAGE_INPUT_TOKENS, usage.imageInputTokens());
                outcome.put(GENERATION.IMAGE_OUTPUT_TOKENS, usage.imageOutputTokens());
                outcome.put(GENERATION.TEXT_OUTPUT_TOKENS, usage.textOutputTokens());
                outcome.put(GENERATION.COST_MICROS, cost);
                outcome.put(GENERATION.COST_ESTIMATED, model.ratesEstimated());
                outcome.putAll(conversationOutcome);
                boolean fenced = jobs.succeed(job.getId(), claim.leaseToken(), outcome);
                if (!fenced) {
                    status.setRollbackOnly();
                    return false;
                }
                OffsetDateTime storedAt = GenerationJobs.utc(admission.now());
                for (ImageRow row : rows) {
                    db.insertInto(IMAGE)
                            .set(IMAGE.ID, row.id())
                            .set(IMAGE.WORKSPACE_ID, job.getWorkspaceId())
                            .set(IMAGE.OWNER_ID, job.getUserId())
                            .set(IMAGE.GENERATION_ID, job.getId())
                            .set(IMAGE.ROLE, "result")
                            .set(IMAGE.POSITION, row.position())
                            .set(IMAGE.FORMAT, row.info().format().name().toLowerCase(java.util.Locale.ROOT))
                            .set(IMAGE.WIDTH, row.info().width())
                            .set(IMAGE.HEIGHT, row.info().height())
                            .set(IMAGE.BYTES, (long) row.bytes())
                            .set(IMAGE.SHA256, row.info().sha256Hex())
                            .set(IMAGE.HAS_THUMBNAIL, true)
                            .set(IMAGE.CREATED_AT, storedAt)
                            .execute();
                }
                admission.recordSpend(job.getWorkspaceId(), job.getUserId(), cost);
                return true;
            });
            if (!Boolean.TRUE.equals(stored)) {
                deleteFiles(job.getWorkspaceId(), rows);
                return;
            }
            events.finished(job.getId(), job.getWorkspaceId(), job.getUserId(), GenerationStatus.SUCCEEDED);
        } catch (RuntimeException e) {
            deleteFiles(job.getWorkspaceId(), rows);
            throw e;
        }
    }

    private record ImageRow(UUID id, int position, ImageInfo info, int bytes) {
    }

    private void deleteFiles(UUID workspaceId, List<ImageRow> rows) {
        for (ImageRow row : rows) {
            store.delete(StorageKey.original(workspaceId, row.id(), row.info().format()));
            store.delete(StorageKey.thumbnail(workspaceId, row.id()));
        }
    }

    private void refund(GenerationRecord job) {
        if (job.getAdmittedAt() != null) {
            admission.refund(new Admission.Ticket(job.getWorkspaceId(), job.getUserId(), job.getAdmittedAt().toInstant(),
                    job.getUsagePrevCountedAt() == null ? null : job.getUsagePrevCountedAt().toInstant()));
        }
    }

    private List<InputImage> loadInputs(GenerationRecord job) {
        var rows = db.select(IMAGE.ID, IMAGE.FORMAT, IMAGE.WORKSPACE_ID).from(GENERATION_INPUT)
                .join(IMAGE).on(IMAGE.ID.eq(GENERATION_INPUT.IMAGE_ID))
                .where(GENERATION_INPUT.GENERATION_ID.eq(job.getId()).and(IMAGE.WORKSPACE_ID.eq(job.getWorkspaceId())))
                .orderBy(GENERATION_INPUT.POSITION)
                .fetch();
        // The SDK sends one content type for all image parts, so a mixed set travels as PNG.
        boolean mixed = rows.stream().map(r -> r.get(IMAGE.FORMAT)).distinct().count() > 1;
        List<InputImage> inputs = new ArrayList<>();
        for (var row : rows) {
            ImageFormat format = ImageFormat.valueOf(row.get(IMAGE.FORMAT).toUpperCase());
            try (InputStream in = store.open(StorageKey.original(job.getWorkspaceId(), row.get(IMAGE.ID), format))) {
                byte[] bytes = in.readAllBytes();
                if (mixed && format != ImageFormat.PNG) {
                    bytes = toPng(bytes);
                    format = ImageFormat.PNG;
                }
                inputs.add(new InputImage(bytes, format.mimeType(), "image." + format.extension()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inputs;
    }

    private InputImage loadMask(GenerationRecord job) {
        UUID maskId = db.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.GENERATION_ID.eq(job.getId()).and(IMAGE.WORKSPACE_ID.eq(job.getWorkspaceId()))
                        .and(IMAGE.ROLE.eq("mask")))
                .fetchOptional(IMAGE.ID)
                .orElseThrow(() -> new JobFailure("mask_missing", "The mask of this edit is missing. Try again."));
        try (InputStream in = store.open(StorageKey.original(job.getWorkspaceId(), maskId, ImageFormat.PNG))) {
            return new InputImage(in.readAllBytes(), "image/png", "mask.png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toPng(byte[] bytes) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A conversation turn (Responses API, image tool forced). With a previous response id only the new prompt is
     * sent and OpenAI keeps the context; chaining by {@code previous_response_id} also avoids the reasoning-model
     * trap of referencing an earlier {@code ig_} item without its reasoning item. Without one, the previous stored
     * image starts a new conversation. When OpenAI no longer has the response, the turn becomes a direct edit of
     * the previous stored image and records that it fell back. Image tokens are billed at the image model's rates;
     * the chat model's tokens are recorded apart (the catalogue holds no chat rates).
     */
    private ImageResult converse(String apiKey, GenerationRecord job, List<InputImage> inputs, ProgressListener listener,
                                 Map<org.jooq.Field<?>, Object> outcome) {
        String previous = job.getPreviousResponseId();
        // A shut-down chat model is never sent: its replacement continues the conversation, or the turn edits directly.
        Optional<ChatModel> chat = catalog.chatModelToSend(job.getMainlineModel());
        if (chat.isEmpty()) {
            log.info("Generation {}: chat model {} is shut down and nothing replaces it; direct edit", job.getId(),
                    job.getMainlineModel());
            return directEdit(apiKey, job, inputs, listener, outcome, GenerationDetails.Fallback.CHAT_MODEL_SHUT_DOWN);
        }
        outcome.put(GENERATION.MAINLINE_MODEL, chat.get().id());
        try {
            ConversationResult turn = gateway.respond(apiKey, new ConversationRequest(chat.get().id(),
                    job.getModel(), job.getPrompt(), previous == null ? inputs : List.of(), previous,
                    new ImageToolOptions(job.getSize(), job.getQuality(), job.getOutputFormat(), job.getBackground(),
                            job.getInputFidelity(), job.getPartialImages(), ImageToolOptions.Action.EDIT, null),
                    safetyIdentifier(job.getUserId())), listener);
            outcome.put(GENERATION.RESPONSE_ID, turn.responseId());
            outcome.put(GENERATION.MAINLINE_INPUT_TOKENS, turn.mainlineUsage().textInputTokens());
            outcome.put(GENERATION.MAINLINE_OUTPUT_TOKENS, turn.mainlineUsage().textOutputTokens());
            return new ImageResult(List.of(turn.image()), turn.size(), turn.quality(), turn.background(),
                    turn.outputFormat(), turn.imageUsage(), turn.requestId(), turn.revisedPrompt());
        } catch (OpenAiException e) {
            if (e.kind() != FailureKind.PREVIOUS_RESPONSE_NOT_FOUND || inputs.isEmpty()) {
                throw e;
            }
            log.info("Generation {}: OpenAI no longer has the conversation; falling back to a direct edit", job.getId());
            return directEdit(apiKey, job, inputs, listener, outcome, GenerationDetails.Fallback.CONVERSATION_EXPIRED);
        }
    }

    private ImageResult directEdit(String apiKey, GenerationRecord job, List<InputImage> inputs,
                                   ProgressListener listener, Map<org.jooq.Field<?>, Object> outcome,
                                   GenerationDetails.Fallback why) {
        outcome.put(GENERATION.CONVERSATION_FALLBACK, true);
        outcome.put(GENERATION.FALLBACK_REASON, why.dbValue());
        return gateway.edit(apiKey, editRequest(job, inputs, null), listener);
    }

    /** Which of the job's models OpenAI did not find: the chat model if the error names it, else the image model. */
    private static String missingModel(GenerationRecord job, OpenAiException e) {
        String chat = job.getMainlineModel();
        String detail = e.detail() == null ? "" : e.detail();
        boolean chatNamed = chat != null && (detail.contains("`" + chat + "`") || detail.contains("'" + chat + "'")
                || detail.contains("\"" + chat + "\""));
        return chatNamed ? chat : job.getModel();
    }

    private GenerateRequest generateRequest(GenerationRecord job) {
        return new GenerateRequest(job.getModel(), job.getPrompt(), job.getSize(), job.getQuality(), job.getN(),
                job.getBackground(), job.getOutputFormat(), job.getOutputCompression(), job.getModeration(),
                job.getPartialImages(), safetyIdentifier(job.getUserId()));
    }

    private EditRequest editRequest(GenerationRecord job, List<InputImage> inputs, InputImage mask) {
        return new EditRequest(job.getModel(), job.getPrompt(), inputs, mask, job.getSize(), job.getQuality(), job.getN(),
                job.getBackground(), job.getOutputFormat(), job.getOutputCompression(), job.getInputFidelity(),
                job.getPartialImages(), safetyIdentifier(job.getUserId()));
    }

    /** A stable, non-reversible end-user id for OpenAI's abuse monitoring. */
    static String safetyIdentifier(UUID userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("imgen-user:" + userId).getBytes());
            return "u-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }

    /**
     * Lets a cancel interrupt a job's virtual thread only while the job waits on OpenAI. Interrupting a virtual thread
     * closes the socket it is reading, which is how the wait ends at once; the job's database and storage calls must
     * never see such an interrupt, so it is cleared whenever the job leaves the upstream call, and the cancel itself
     * is remembered here.
     */
    static final class UpstreamWait {
        private Thread waiting;
        private boolean cancelled;

        /** The job's thread now waits on the upstream call; a cancel that came earlier interrupts it at once. */
        synchronized void enter() {
            waiting = Thread.currentThread();
            if (cancelled) {
                waiting.interrupt();
            }
        }

        /** Back to the job's own work: an interrupt meant for the call must not break its next database call. */
        synchronized void leave() {
            waiting = null;
            Thread.interrupted();
        }

        synchronized void cancel() {
            cancelled = true;
            if (waiting != null) {
                waiting.interrupt();
            }
        }

        synchronized boolean cancelled() {
            return cancelled;
        }
    }

    /** A failure decided by the app (not upstream): code for the record, message for the member. */
    static final class JobFailure extends RuntimeException {
        final String code;

        JobFailure(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
