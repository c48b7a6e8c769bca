package studio.imgen.generate;

import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.storage.ValidatedMask;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Generating images, as the views see it: what a member may choose, submitting, following progress, cancelling and
 * reading results. Every method works for the calling member in their active workspace; the pipeline behind it is
 * {@link GenerationSubmission}, {@link GenerationWorker}, {@link GenerationRunner} and {@link ResultWriter}.
 */
@Service
public class GenerationService {

    /** Shown before submission (banner) and on a refused submission alike. */
    public static final String NO_KEY = "OpenAI API key not configured. A workspace admin needs to set it in workspace settings.";

    private final WorkspaceAccess access;
    private final GenerationChoices choices;
    private final GenerationSubmission submission;
    private final SubmissionInputs inputs;
    private final GenerationRepository generations;
    private final GenerationDetailsRepository details;
    private final GenerationEvents events;
    private final GenerationAnnouncer announcer;
    private final GenerationWorker worker;
    private final ModelAvailability availability;
    private final AdmissionGate admissions;
    private final FreshThumbnails freshThumbnails;

    GenerationService(WorkspaceAccess access, GenerationChoices choices, GenerationSubmission submission,
                      SubmissionInputs inputs, GenerationRepository generations, GenerationDetailsRepository details,
                      GenerationEvents events, GenerationAnnouncer announcer, GenerationWorker worker,
                      ModelAvailability availability, AdmissionGate admissions, FreshThumbnails freshThumbnails) {
        this.access = access;
        this.choices = choices;
        this.submission = submission;
        this.inputs = inputs;
        this.generations = generations;
        this.details = details;
        this.events = events;
        this.announcer = announcer;
        this.worker = worker;
        this.availability = availability;
        this.admissions = admissions;
        this.freshThumbnails = freshThumbnails;
    }

    /** The form for the given model (null: the preselected one). */
    @PermitAll
    public GenerateForm form(String modelId) {
        return choices.form(access.requireMember(), modelId);
    }

    /**
     * Why the caller could not generate at this moment, as the first reason a submission would be refused with, in the
     * server's order (key, role, cooldown, quotas and budget, then options: imgen-behaviour.md §3.5); empty when a
     * submission would pass these checks. Creates and consumes nothing: "Edit this image" asks it before opening.
     */
    @PermitAll
    public Optional<GenerationBlocked> blockedNow() {
        return choices.blockedNow(access.requireMember());
    }

    /**
     * Runs every check and, if all pass, admits the generation (consuming cooldown and quota atomically) and queues
     * it. Returns the generation id; a repeated submission id returns the first one. Refusals are
     * {@link UserInputException}s whose message is meant for the member.
     */
    @PermitAll
    public UUID submit(GenerationRequest request) {
        return submit(request, null);
    }

    /**
     * {@link #submit(GenerationRequest)} for a turn of an edit thread; a non-null {@code conversation} sends it
     * through the Responses API. The same checks, admission, usage and audit apply: a turn is a generation.
     */
    @PermitAll
    public UUID submit(GenerationRequest request, ConversationTurn conversation) {
        UUID id = admissions.admit(() -> submission.submit(access.requireMember(), request, conversation));
        worker.drainAfterSubmission();
        return id;
    }

    /**
     * When settings being reused (an earlier generation, a thread's previous turn) name a model this workspace can no
     * longer use: "That model is no longer available." and the offered replacement, which the form then selects.
     * Empty for a model still offered, or unknown to the catalogue.
     */
    @PermitAll
    public Optional<ModelGone> modelGone(String modelId) {
        Member me = access.requireMember();
        return choices.goneNotice(modelId, availability.offeredTo(me.workspaceId()));
    }

    /**
     * Checks a mask (painted or uploaded) for a stored image of the caller's workspace, exactly as a submission with
     * that image first would; the painted share is for showing. Refusals are {@link UserInputException}s.
     */
    @PermitAll
    public ValidatedMask checkMask(UUID imageId, GenerationRequest.Upload mask) {
        Member me = access.requireMember();
        SubmissionInputs.SourceImage image = inputs.sourceImages(me.workspaceId(), List.of(imageId)).get(0);
        return inputs.mask(mask, image.width(), image.height());
    }

    /** Checks a mask for an uploaded image that will be the first reference of a submission. */
    @PermitAll
    public ValidatedMask checkMask(GenerationRequest.Upload image, GenerationRequest.Upload mask) {
        access.requireMember();
        return inputs.maskForUpload(image, mask);
    }

    /** Cancels one of the caller's own generations while it is queued or running. */
    @PermitAll
    public boolean cancel(UUID generationId) {
        Member me = access.requireMember();
        GenerationRepository.CancelOutcome outcome = generations.requestCancel(generationId, me.workspaceId(), me.userId());
        switch (outcome) {
            case CANCELLED -> announcer.finished(generationId, GenerationStatus.CANCELLED);
            // The worker ends the job and announces it once; announcing here as well recorded it twice.
            case REQUESTED -> worker.interrupt(generationId);
            case NOTHING -> { }
        }
        return outcome != GenerationRepository.CancelOutcome.NOTHING;
    }

    /** A generation of the caller's workspace; another workspace's does not exist. */
    @PermitAll
    public Optional<GenerationDetails> find(UUID generationId) {
        Member me = access.requireMember();
        return details.findDetails(me.workspaceId(), generationId);
    }

    /**
     * The thumbnail (JPEG) of a result the caller made a moment ago on this instance, while it is still in memory;
     * empty otherwise, and for anyone else's image: then the stored thumbnail is the one to show.
     */
    @PermitAll
    public Optional<byte[]> freshThumbnail(UUID imageId) {
        Member me = access.requireMember();
        return freshThumbnails.find(imageId, me.workspaceId(), me.userId());
    }

    /** The generation that produced an image of the caller's workspace ("Edit this image" starts from it). */
    @PermitAll
    public Optional<GenerationDetails> findByImage(UUID imageId) {
        Member me = access.requireMember();
        return details.findDetailsByImage(me.workspaceId(), imageId);
    }

    /** The caller's most recent generations in the active workspace, newest first. */
    @PermitAll
    public List<GenerationDetails> recent(int limit) {
        Member me = access.requireMember();
        return details.recentOf(me.workspaceId(), me.userId(), Math.min(Math.max(limit, 1), 50));
    }

    /**
     * Follows a generation of the caller's workspace: the latest preview at once (if it is running), then every
     * event as it happens, on the worker's thread. Returns the unsubscribe action.
     */
    @PermitAll
    public Runnable watch(UUID generationId, Consumer<GenerationEvent> listener) {
        if (find(generationId).isEmpty()) {
            throw new UserInputException("That generation does not exist.");
        }
        Runnable unsubscribe = events.subscribe(generationId, listener);
        events.latestPreview(generationId).ifPresent(listener);
        return unsubscribe;
    }
}
