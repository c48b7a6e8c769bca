package studio.imgen.generate;

import static studio.imgen.generate.GenerationRepository.instant;

import java.util.List;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.GenerationRecord;

/**
 * Announces a committed state: to the views following the generation, and to other modules with everything they
 * need ({@link GenerationAdmitted}, {@link GenerationFinished}), read once here instead of once per listener.
 */
@Component
class GenerationAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(GenerationAnnouncer.class);

    private final GenerationRepository generations;
    private final ImageRepository images;
    private final GenerationEvents events;

    GenerationAnnouncer(GenerationRepository generations, ImageRepository images, GenerationEvents events) {
        this.generations = generations;
        this.images = images;
        this.events = events;
    }

    /** From the row as the submission inserted it: every field the announcement carries was set there. */
    void admitted(GenerationRecord job) {
        tell(job.getId(), () -> Optional.of(new GenerationAdmitted(job.getId(), job.getWorkspaceId(), job.getUserId(),
                request(job))));
    }

    /**
     * A generation ended: other modules (audit, webhook, metrics) are told, then the views following it, so whoever
     * sees the end (an API caller waiting for its image) finds it in the audit log too.
     */
    void finished(UUID generationId, GenerationStatus status) {
        tell(generationId, () -> generations.find(generationId).map(job -> finished(job, status,
                status == GenerationStatus.SUCCEEDED ? images.resultIds(job.getWorkspaceId(), job.getId()) : List.of())));
        events.publish(new GenerationEvent.Finished(generationId, status));
    }

    /** A success, from the row as its fenced write returned it and the result images in order: nothing is read back. */
    void succeeded(GenerationRecord job, List<UUID> imageIds) {
        tell(job.getId(), () -> Optional.of(finished(job, GenerationStatus.SUCCEEDED, imageIds)));
        events.publish(new GenerationEvent.Finished(job.getId(), GenerationStatus.SUCCEEDED));
    }

    /**
     * Like the listeners' own failures, a failed read or listener here never reaches the member or the worker: the
     * state is already committed.
     */
    private void tell(UUID generationId, Supplier<Optional<? extends GenerationRecorded>> event) {
        try {
            event.get().ifPresent(events::publishRecorded);
        } catch (RuntimeException e) {
            log.error("Could not announce generation {}", generationId, e);
        }
    }

    private static GenerationFinished finished(GenerationRecord job, GenerationStatus status, List<UUID> imageIds) {
        return new GenerationFinished(job.getId(), job.getWorkspaceId(), job.getUserId(), status, request(job),
                outcome(job), imageIds);
    }

    private static RecordedRequest request(GenerationRecord job) {
        return new RecordedRequest(job.getSubmissionId(), job.getKind(), job.getPrompt(),
                GenerationDetailsRepository.options(job), job.getReferenceCount(), job.getHasMask(),
                job.getParentImageId(), instant(job.getCreatedAt()));
    }

    private static GenerationFinished.Outcome outcome(GenerationRecord job) {
        return new GenerationFinished.Outcome(job.getErrorCode(), job.getErrorMessage(), job.getErrorDetail(),
                job.getOpenaiRequestId(), job.getTextInputTokens(), job.getImageInputTokens(),
                job.getImageOutputTokens(), job.getTextOutputTokens(), job.getCostMicros(), job.getCostEstimated(),
                job.getResultSize(), job.getResultQuality(), job.getResultBackground(), job.getRevisedPrompt(),
                job.getAttempt(), instant(job.getStartedAt()), instant(job.getRequestSentAt()),
                instant(job.getFinishedAt()));
    }
}
