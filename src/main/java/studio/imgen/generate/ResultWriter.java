package studio.imgen.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.access.Admission;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.openai.ImageResult;
import studio.imgen.openai.TokenUsage;
import studio.imgen.storage.ImageInfo;
import studio.imgen.storage.ImageInspector;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.Thumbnails;

/**
 * How a job ends: its images stored, the fenced write of the outcome, the admission given back when nothing was
 * produced, and the announcement. Only the current lease holder's write counts; the others leave no trace.
 */
@Component
class ResultWriter {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);

    private final GenerationRepository generations;
    private final ImageRepository images;
    private final GenerationAnnouncer announcer;
    private final Admission admission;
    private final ImageStore store;
    private final Thumbnails thumbnails;
    private final ImageInspector inspector;
    private final TransactionTemplate transaction;
    private final FreshThumbnails fresh;

    ResultWriter(GenerationRepository generations, ImageRepository images, GenerationAnnouncer announcer,
                 Admission admission,
                 ImageStore store, Thumbnails thumbnails, ImageInspector inspector, TransactionTemplate transaction,
                 FreshThumbnails fresh) {
        this.generations = generations;
        this.images = images;
        this.announcer = announcer;
        this.admission = admission;
        this.store = store;
        this.thumbnails = thumbnails;
        this.inspector = inspector;
        this.transaction = transaction;
        this.fresh = fresh;
    }

    /**
     * The files first, then one short fenced transaction, then the announcement; a refused fence or failure leaves
     * no row and no file. The thumbnail is stored beside the original: the inspection's decode made it already, so it
     * costs one small write, and the browser's request for it, which follows the announcement at once, finds a file
     * instead of making it again. If that write fails, the image endpoint makes it on the first request.
     */
    void succeeded(GenerationRepository.Claim claim, ImageModel model, UpstreamCalls.Answer answer) {
        GenerationRecord job = claim.job();
        ImageResult result = answer.result();
        List<ImageRepository.ResultRow> rows = new ArrayList<>();
        try {
            int position = 0;
            for (var image : result.images()) {
                ImageInfo info = inspector.inspect(image.bytes());
                UUID imageId = UUID.randomUUID();
                store.put(StorageKey.original(job.getWorkspaceId(), imageId, info.format()), image.bytes());
                rows.add(new ImageRepository.ResultRow(imageId, position++, info, image.bytes().length));
                storeThumbnail(job, imageId, image.bytes(), info);
            }
            TokenUsage usage = result.usage();
            long cost = ModelCatalog.cost(model, usage.textInputTokens(), usage.imageInputTokens(),
                    usage.imageOutputTokens(), usage.textOutputTokens());
            Succeeded outcome = new Succeeded(result.requestId(), result.size(), result.quality(), result.background(),
                    result.revisedPrompt(), usage, cost, model.ratesEstimated(), answer.turn());
            GenerationRecord stored = transaction.execute(status -> {
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
            if (stored == null) {
                deleteFiles(job.getWorkspaceId(), rows);
                return;
            }
            announcer.succeeded(stored, rows.stream().map(ImageRepository.ResultRow::id).toList());
        } catch (RuntimeException e) {
            deleteFiles(job.getWorkspaceId(), rows);
            throw e;
        }
    }

    /**
     * Best effort: a thumbnail missing from storage is made again on its first request. It is also kept in memory for
     * the owner's result card, which then shows it without asking for the file.
     */
    private void storeThumbnail(GenerationRecord job, UUID imageId, byte[] original, ImageInfo info) {
        try {
            byte[] thumbnail = thumbnails.thumbnail(original, info.sha256Hex());
            fresh.put(imageId, job.getWorkspaceId(), job.getUserId(), thumbnail);
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
