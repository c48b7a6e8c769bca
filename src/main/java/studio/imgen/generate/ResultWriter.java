package studio.imgen.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.access.Admission;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.openai.GeneratedImage;
import studio.imgen.openai.ImageResult;
import studio.imgen.openai.TokenUsage;
import studio.imgen.storage.ImageInspector;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;

/**
 * How a job ends: its images stored, the fenced write of the outcome, the admission given back when nothing was
 * produced, and the announcement. Only the current lease holder's write counts; the others leave no trace.
 */
@Component
class ResultWriter {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);
    /** Where a result is recorded while its thumbnail is made. */
    private static final Executor RECORDING = task -> Thread.ofVirtual().name("recording").start(task);

    private final GenerationRepository generations;
    private final ImageRepository images;
    private final GenerationAnnouncer announcer;
    private final Admission admission;
    private final ImageStore store;
    private final ImageInspector inspector;
    private final TransactionTemplate transaction;
    private final FreshThumbnails fresh;

    ResultWriter(GenerationRepository generations, ImageRepository images, GenerationAnnouncer announcer,
                 Admission admission,
                 ImageStore store, ImageInspector inspector, TransactionTemplate transaction,
                 FreshThumbnails fresh) {
        this.generations = generations;
        this.images = images;
        this.announcer = announcer;
        this.admission = admission;
        this.store = store;
        this.inspector = inspector;
        this.transaction = transaction;
        this.fresh = fresh;
    }

    /**
     * The files first, then one short fenced transaction, then the announcement; a refused fence or failure leaves
     * no row and no file (a fence refused because a cancel was requested ends the job as cancelled). Once the decode
     * has proven the last image whole, the originals are stored and the outcome recorded on another thread while this
     * one makes the thumbnail from that decode; both are done before anyone is told. The thumbnail is stored beside
     * the original (the browser's request for it follows the announcement at once) and kept in memory for the owner's
     * card; if it cannot be made or stored, the image endpoint makes it on the first request.
     */
    void succeeded(GenerationRepository.Claim claim, ImageModel model, UpstreamCalls.Answer answer) {
        GenerationRecord job = claim.job();
        List<GeneratedImage> generated = answer.result().images();
        List<UUID> imageIds = generated.stream().map(image -> UUID.randomUUID()).toList();
        List<ImageRepository.ResultRow> rows = new ArrayList<>();
        try {
            CompletableFuture<GenerationRecord> recorded = null;
            for (int position = 0; position < generated.size(); position++) {
                byte[] bytes = generated.get(position).bytes();
                UUID imageId = imageIds.get(position);
                boolean last = position == generated.size() - 1;
                var inspected = inspector.inspect(bytes, info -> {
                    rows.add(new ImageRepository.ResultRow(imageId, rows.size(), info, bytes.length));
                    return last ? CompletableFuture.supplyAsync(() -> record(claim, model, answer, generated, rows),
                            RECORDING) : null;
                });
                recorded = inspected.started();
                inspected.thumbnail().ifPresent(thumbnail -> storeThumbnail(job, imageId, thumbnail));
            }
            // The last image's inspection started the recording (a result has at least one image).
            GenerationRecord stored = awaited(recorded);
            if (stored == null) {
                deleteFiles(job.getWorkspaceId(), rows);
                if (generations.cancelRequested(job.getId())) {
                    cancelled(claim);
                }
                return;
            }
            announcer.succeeded(stored, imageIds);
        } catch (RuntimeException e) {
            deleteFiles(job.getWorkspaceId(), rows);
            throw e;
        }
    }

    /**
     * The originals stored, then the fenced write; null when the fence refused (another holder has the job, or a
     * cancel was requested).
     */
    private GenerationRecord record(GenerationRepository.Claim claim, ImageModel model, UpstreamCalls.Answer answer,
                                    List<GeneratedImage> generated, List<ImageRepository.ResultRow> rows) {
        GenerationRecord job = claim.job();
        for (ImageRepository.ResultRow row : rows) {
            store.put(StorageKey.original(job.getWorkspaceId(), row.id(), row.info().format()),
                    generated.get(row.position()).bytes());
        }
        ImageResult result = answer.result();
        TokenUsage usage = result.usage();
        long cost = ModelCatalog.cost(model, usage.textInputTokens(), usage.imageInputTokens(),
                usage.imageOutputTokens(), usage.textOutputTokens());
        Succeeded outcome = new Succeeded(result.requestId(), result.size(), result.quality(), result.background(),
                result.revisedPrompt(), usage, cost, model.ratesEstimated(), answer.turn());
        return transaction.execute(status -> {
            Optional<GenerationRecord> written = generations.succeed(job.getId(), claim.leaseToken(), outcome);
            if (written.isEmpty()) {
                status.setRollbackOnly();
                return null;
            }
            images.insertResults(job.getWorkspaceId(), job.getUserId(), job.getId(), rows,
                    GenerationRepository.utc(admission.now()));
            admission.recordSpend(job.getWorkspaceId(), job.getUserId(), cost);
            return written.get();
        });
    }

    private static GenerationRecord awaited(CompletableFuture<GenerationRecord> recorded) {
        try {
            return recorded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Best effort, like the thumbnail itself. */
    private void storeThumbnail(GenerationRecord job, UUID imageId, byte[] thumbnail) {
        fresh.put(imageId, job.getWorkspaceId(), job.getUserId(), thumbnail);
        try {
            store.put(StorageKey.thumbnail(job.getWorkspaceId(), imageId), thumbnail);
        } catch (RuntimeException e) {
            log.warn("Thumbnail of image {} not stored now; it is made on its first request: {}", imageId,
                    e.getMessage());
        }
    }

    /** The job failed; its admission is given back unless {@code refundable} is false (OpenAI billed it). */
    void failed(GenerationRepository.Claim claim, String code, String message, String detail, String requestId,
                boolean refundable) {
        GenerationRecord job = claim.job();
        if (generations.fail(job.getId(), claim.leaseToken(), code, message, detail, requestId) && refundable) {
            refund(job);
        }
        announce(job, GenerationStatus.FAILED);
    }

    void cancelled(GenerationRepository.Claim claim) {
        if (!generations.markCancelled(claim.job().getId(), claim.leaseToken())) {
            return; // another instance took the job over and ends it
        }
        refund(claim.job());
        announce(claim.job(), GenerationStatus.CANCELLED);
    }

    /** Jobs whose worker vanished after sending end as interrupted; nothing was charged. */
    void interruptAbandoned() {
        for (GenerationRecord job : generations.interruptAbandoned()) {
            refund(job);
            announce(job, GenerationStatus.INTERRUPTED);
        }
    }

    private void announce(GenerationRecord job, GenerationStatus status) {
        announcer.finished(job.getId(), status);
    }

    private void deleteFiles(UUID workspaceId, List<ImageRepository.ResultRow> rows) {
        for (ImageRepository.ResultRow row : rows) {
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
}
