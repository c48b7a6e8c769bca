package studio.imgen.generate;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.admin.ApiKeyVault;
import studio.imgen.admin.ModelLifecycleGuard;
import studio.imgen.admin.OpenAiQuotaNotice;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.openai.FailureKind;
import studio.imgen.openai.OpenAiException;
import studio.imgen.openai.ProgressListener;
import studio.imgen.storage.Thumbnails;

/**
 * Runs one claimed job: checks it may still be sent, makes the upstream call (with the circuit breaker, the fence
 * before sending and the previews on the way) and hands the outcome to the {@link ResultWriter}, which also ends a job
 * cancelled meanwhile.
 */
@Component
class GenerationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerationRunner.class);
    /** Previews are decoded off the stream's thread, one virtual thread per job while it has a preview pending. */
    private static final Executor PREVIEW_THREADS = task -> Thread.ofVirtual().name("preview").start(task);

    private final GenerationRepository generations;
    private final UpstreamCalls calls;
    private final ResultWriter results;
    private final GenerationEvents events;
    private final ApiKeyVault keys;
    private final ModelCatalog catalog;
    private final UpstreamBreakers breakers;
    private final OpenAiQuotaNotice quotaNotice;
    private final ModelLifecycleGuard lifecycle;
    private final SharedPreviews sharedPreviews;
    private final Thumbnails thumbnails;
    private final AdmissionReads admissionReads;

    GenerationRunner(GenerationRepository generations, UpstreamCalls calls, ResultWriter results,
                     GenerationEvents events, ApiKeyVault keys, ModelCatalog catalog, UpstreamBreakers breakers,
                     OpenAiQuotaNotice quotaNotice, ModelLifecycleGuard lifecycle, SharedPreviews sharedPreviews,
                     Thumbnails thumbnails, AdmissionReads admissionReads) {
        this.generations = generations;
        this.calls = calls;
        this.results = results;
        this.events = events;
        this.keys = keys;
        this.catalog = catalog;
        this.breakers = breakers;
        this.quotaNotice = quotaNotice;
        this.lifecycle = lifecycle;
        this.sharedPreviews = sharedPreviews;
        this.thumbnails = thumbnails;
        this.admissionReads = admissionReads;
    }

    void run(GenerationRepository.Claim claim, UpstreamWait wait) {
        GenerationRecord job = claim.job();
        UUID id = job.getId();
        try {
            String apiKey = keys.decrypt(job.getWorkspaceId()).orElseThrow(() -> new JobFailure("no_key",
                    "OpenAI API key not configured. A workspace admin needs to set it in workspace settings."));
            // Admitted before a shutdown date perhaps, but never sent after it.
            ImageModel model = sendableModel(job).orElseThrow(() -> new JobFailure("model_not_available",
                    "That model is no longer available. Choose another model and try again."));
            UpstreamCalls.Answer answer;
            LatestPreview previews = new LatestPreview(id, thumbnails::preview, events::publish, sharedPreviews::store,
                    PREVIEW_THREADS);
            try {
                answer = calls.call(apiKey, job, progress(claim, wait, previews));
            } finally {
                // The final image (or the failure) is here: a preview still waiting for its decode is stale.
                previews.close();
                wait.leave();
            }
            breakers.succeeded(job.getWorkspaceId());
            if (wait.cancelled()) {
                results.cancelled(claim);
                return;
            }
            // A cancel requested on another instance is honoured by the fenced write itself.
            results.succeeded(claim, model, answer);
            // After the result is shown: clearing a quota notice is the admins' news, not the member's wait.
            quotaNotice.clear(job.getWorkspaceId());
        } catch (OpenAiException e) {
            if (wait.cancelled() || generations.cancelRequested(id)) {
                results.cancelled(claim);
                return;
            }
            log.info("Generation {} failed upstream: {} {}", id, e.kind(), e.detail());
            if (e.kind() == FailureKind.INSUFFICIENT_QUOTA) {
                quotaNotice.reportExhausted(job.getWorkspaceId());
            }
            if (e.kind() == FailureKind.MODEL_NOT_AVAILABLE) {
                lifecycle.notFound(job.getWorkspaceId(), missingModel(job, e));
            }
            results.failed(claim, e.kind().name().toLowerCase(), e.userMessage(), e.detail(), e.requestId(),
                    e.refundsCooldown());
        } catch (JobFailure e) {
            if (wait.cancelled()) {
                results.cancelled(claim);
                return;
            }
            results.failed(claim, e.code, e.getMessage(), null, null, true);
        } catch (RuntimeException e) {
            if (wait.cancelled() || generations.cancelRequested(id)) {
                results.cancelled(claim);
                return;
            }
            log.error("Generation {} failed", id, e);
            results.failed(claim, "internal", "Image generation failed. Try again.", e.getClass().getSimpleName(), null,
                    true);
        }
    }

    /**
     * The job's model if it may still be sent. A job starting right after its admission on this instance checks the
     * catalogue row and model status the admission read (with today's date): a job admitted a moment earlier could not
     * have seen a newer state either. A job that waited reads them again.
     */
    private Optional<ImageModel> sendableModel(GenerationRecord job) {
        Optional<AdmissionReads.Reads> admitted = admissionReads.take(job.getId());
        if (admitted.isPresent()) {
            return Optional.of(admitted.get().model()).filter(m -> lifecycle.sendable(admitted.get().status(), m));
        }
        return catalog.find(job.getModel()).filter(m -> lifecycle.sendable(job.getWorkspaceId(), m));
    }

    /** What happens around each upstream attempt: the cancel, the breaker and the fence first, previews as they come. */
    private ProgressListener progress(GenerationRepository.Claim claim, UpstreamWait wait, LatestPreview previews) {
        UUID id = claim.job().getId();
        UUID workspaceId = claim.job().getWorkspaceId();
        return new ProgressListener() {
            @Override
            public void requestSending() {
                if (wait.cancelled()) {
                    throw new JobFailure("cancelled", "Cancelled.");
                }
                // Checked before every attempt, so an outage noticed mid-retry stops the retries too.
                if (!breakers.tryAcquire(workspaceId)) {
                    throw new JobFailure("upstream_paused", UpstreamBreakers.PAUSED);
                }
                if (!generations.markSending(id, claim.leaseToken())) {
                    breakers.release(workspaceId);
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
                    breakers.release(workspaceId);
                } else {
                    breakers.failed(workspaceId, failure.kind());
                }
            }

            @Override
            public void partialImage(int index, byte[] imageBytes) {
                previews.offer(index, imageBytes);
            }
        };
    }

    /** Which of the job's models OpenAI did not find: the chat model if the error names it, else the image model. */
    private static String missingModel(GenerationRecord job, OpenAiException e) {
        String chat = job.getMainlineModel();
        String detail = e.detail() == null ? "" : e.detail();
        boolean chatNamed = chat != null && (detail.contains("`" + chat + "`") || detail.contains("'" + chat + "'")
                || detail.contains("\"" + chat + "\""));
        return chatNamed ? chat : job.getModel();
    }
}
