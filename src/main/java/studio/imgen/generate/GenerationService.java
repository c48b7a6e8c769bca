package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.GENERATION_INPUT;
import static imgen.db.Tables.IMAGE;

import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.access.AccessControl;
import studio.imgen.access.Admission;
import studio.imgen.access.MemberChoices;
import studio.imgen.access.AllowedOptions;
import studio.imgen.access.ModelChoice;
import studio.imgen.admin.ModelShutdowns;
import studio.imgen.access.Outcome;
import studio.imgen.access.Refusal;
import studio.imgen.access.RequestedOptions;
import studio.imgen.access.ResolvedOptions;
import studio.imgen.admin.ShutdownNotice;
import studio.imgen.admin.WorkspaceSettings;
import studio.imgen.admin.WorkspaceSettingsQuery;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.ReferenceUpload;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.UploadLimits;
import studio.imgen.storage.UploadValidator;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ValidatedImage;
import studio.imgen.storage.ValidatedMask;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Generating images: what a member may choose, submitting (every check of imgen-behaviour §3.5, in that order, then
 * atomic admission and a durable job), following progress, cancelling and reading results. Views call only this.
 */
@Service
public class GenerationService {

    static final int MAX_PROMPT = 32_000;
    /** A request naming a shut-down model; the sentence goes on with what to use instead. */
    static final String MODEL_GONE = "That model is no longer available.";
    /** Shown before submission (banner) and on a refused submission alike. */
    public static final String NO_KEY = "OpenAI API key not configured. A workspace admin needs to set it in workspace settings.";

    private final WorkspaceAccess access;
    private final AccessControl accessControl;
    private final ModelCatalog catalog;
    private final GenerationJobs jobs;
    private final GenerationEvents events;
    private final GenerationWorker worker;
    private final UploadValidator uploads;
    private final UploadLimits uploadLimits;
    private final ImageStore store;
    private final TransactionTemplate transaction;
    private final DSLContext db;
    private final GenerationProperties properties;
    private final ModelAvailability availability;
    private final ModelShutdowns shutdowns;
    private final WorkspaceSettingsQuery workspaceSettings;

    GenerationService(WorkspaceAccess access, AccessControl accessControl, ModelCatalog catalog,
                      GenerationJobs jobs, GenerationEvents events, GenerationWorker worker, UploadValidator uploads,
                      UploadLimits uploadLimits, ImageStore store, TransactionTemplate transaction, DSLContext db,
                      GenerationProperties properties, ModelAvailability availability, ModelShutdowns shutdowns,
                      WorkspaceSettingsQuery workspaceSettings) {
        this.availability = availability;
        this.shutdowns = shutdowns;
        this.workspaceSettings = workspaceSettings;
        this.access = access;
        this.accessControl = accessControl;
        this.catalog = catalog;
        this.jobs = jobs;
        this.events = events;
        this.worker = worker;
        this.uploads = uploads;
        this.uploadLimits = uploadLimits;
        this.store = store;
        this.transaction = transaction;
        this.db = db;
        this.properties = properties;
    }

    /** The form for the given model (null: the preselected one). */
    @PermitAll
    public GenerateForm form(String modelId) {
        Member me = access.requireMember();
        WorkspaceSettings settings = workspaceSettings.settings(me.workspaceId());
        List<ImageModel> offered = availability.offeredTo(me.workspaceId());
        MemberChoices choices = accessControl.choices(me.workspaceId(), me.userId(), me.admin(), offered, modelId);
        List<ShutdownNotice> shutdownLines = me.admin() ? shutdowns.notices(me.workspaceId()) : List.of();
        boolean keyConfigured = settings.key().configured();
        Optional<Refusal> wait = choices.refusal();

        Outcome<ResolvedOptions> preselection = choices.preselection();
        if (preselection instanceof Outcome.Refused<ResolvedOptions> refused) {
            return new GenerateForm(keyConfigured, me.admin(), Optional.of(refused.refusal().message()), List.of(),
                    null, List.of(), null, List.of(), null, "png", "auto", Optional.empty(), Optional.empty(), List.of(),
                    0, shutdownLines);
        }
        ResolvedOptions selected = preselection.orElseThrow();
        AllowedOptions allowed = choices.allowed().orElseThrow();
        Set<String> allowedIds = allowed.models().stream().map(ModelChoice::id).collect(java.util.stream.Collectors.toSet());
        List<GenerateForm.ModelOption> models = offered.stream().filter(m -> allowedIds.contains(m.id()))
                .map(m -> new GenerateForm.ModelOption(m.id(), m.label(), m.retirementWarning(catalog.today()),
                        m.supportsTransparent(), m.maxReferenceImages(), m.supportsInputFidelity(), m.maxImages()))
                .toList();
        boolean noticeOnly = wait.isPresent() && wait.get().reason() != Refusal.Reason.NO_ROLE;
        // A cooldown is shown as a live countdown alone: a sentence beside it would soon disagree with it.
        boolean coolingDown = noticeOnly && wait.get().reason() == Refusal.Reason.COOLDOWN;
        return new GenerateForm(keyConfigured, me.admin(),
                wait.filter(w -> !noticeOnly).map(Refusal::message),
                models, selected.model().id(), allowed.sizes(), selected.size().value(), allowed.qualities(),
                selected.quality().value(), settings.defaultFormat(), settings.defaultBackground(),
                wait.filter(w -> noticeOnly).flatMap(Refusal::retryAt),
                wait.filter(w -> noticeOnly && !coolingDown).map(Refusal::message),
                choices.limitLines(),
                allowed.customSizeMaxPixels(), shutdownLines);
    }

    /**
     * Why the caller could not generate at this moment, as the first reason a submission would be refused with, in the
     * server's order (key, role, cooldown, quotas and budget, then options: imgen-behaviour.md §3.5); empty when a
     * submission would pass these checks. Creates and consumes nothing: "Edit this image" asks it before opening.
     */
    @PermitAll
    public Optional<GenerationBlocked> blockedNow() {
        Member me = access.requireMember();
        WorkspaceSettings settings = workspaceSettings.settings(me.workspaceId());
        if (!settings.key().configured()) {
            return Optional.of(new GenerationBlocked(NO_KEY, Optional.empty()));
        }
        return accessControl.choices(me.workspaceId(), me.userId(), me.admin(),
                availability.offeredTo(me.workspaceId()), null).blocked().map(r -> new GenerationBlocked(r.message(), r.retryAt()));
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
        Member me = access.requireMember();
        try {
            UUID id = admit(me, request, conversation);
            worker.drain();
            return id;
        } catch (UserInputException refused) {
            events.publishDenied(new GenerationDenied(me.workspaceId(), me.userId(), request.prompt(), request.model(),
                    request.size(), request.quality(), request.n(),
                    request.references().size() + request.sourceImages().size(), refused.getMessage()));
            throw refused;
        }
    }

    private UUID admit(Member me, GenerationRequest request, ConversationTurn conversation) {
        if (request.submissionId() != null) {
            Optional<UUID> earlier = jobs.findBySubmission(me.userId(), request.submissionId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        WorkspaceSettings settings = workspaceSettings.settings(me.workspaceId());
        if (!settings.key().configured()) {
            throw new UserInputException(NO_KEY);
        }
        AccessControl.Admissible admissible = accessControl.admissible(me.workspaceId(), me.userId(), me.admin());
        List<ImageModel> offered = availability.offeredTo(me.workspaceId());
        refuseRetired(request.model(), offered);
        AccessControl.Permit permit = admissible.permit(offered,
                new RequestedOptions(request.model(), request.size(), request.quality()));
        ResolvedOptions resolved = permit.options();
        ImageModel model = offered.stream().filter(m -> m.id().equals(resolved.model().id())).findFirst().orElseThrow();
        GenerationParameters parameters = GenerationParameters.validate(request, model, settings);
        List<SourceImage> sources = sourceImages(me.workspaceId(), request.sourceImages());
        List<ValidatedImage> references = validateReferences(request, model, sources);
        ValidatedMask mask = request.mask() == null ? null : validateMask(request.mask(), sources, references);
        store.ensureSpaceFor(references.stream().mapToLong(r -> r.bytes().length).sum()
                + (mask == null ? 0 : mask.image().bytes().length) + 50_000_000L);
        boolean edit = !references.isEmpty() || !sources.isEmpty();
        if (conversation != null && (!edit || parameters.n() != 1)) {
            throw new UserInputException("A conversation turn edits one image and makes one image.");
        }

        List<UUID> referenceIds = new ArrayList<>();
        for (ValidatedImage reference : references) {
            UUID imageId = UUID.randomUUID();
            store.put(StorageKey.original(me.workspaceId(), imageId, reference.format()), reference.bytes());
            referenceIds.add(imageId);
        }
        UUID maskId = mask == null ? null : UUID.randomUUID();
        if (mask != null) {
            store.put(StorageKey.original(me.workspaceId(), maskId, ImageFormat.PNG), mask.image().bytes());
        }
        UUID submissionId = request.submissionId() == null ? UUID.randomUUID() : request.submissionId();
        UUID id = transaction.execute(status -> {
            if (jobs.activeCount(GENERATION.WORKSPACE_ID.eq(me.workspaceId()).and(GENERATION.USER_ID.eq(me.userId())))
                    >= properties.maxActivePerUser()
                    || jobs.activeCount(GENERATION.WORKSPACE_ID.eq(me.workspaceId())) >= properties.maxActivePerWorkspace()) {
                throw new UserInputException("Busy: too many images are being generated right now. Try again in a moment.");
            }
            Admission.Ticket ticket = accessControl.admit(permit);
            GenerationRecord job = new GenerationRecord();
            job.setWorkspaceId(me.workspaceId());
            job.setUserId(me.userId());
            job.setSubmissionId(submissionId);
            job.setKind(edit ? "edit" : "generate");
            job.setPrompt(parameters.prompt());
            job.setModel(model.id());
            job.setSize(resolved.size().value());
            job.setQuality(resolved.quality().value());
            job.setN(parameters.n());
            job.setBackground(parameters.background());
            job.setOutputFormat(parameters.outputFormat());
            job.setOutputCompression(parameters.outputCompression());
            job.setModeration(edit ? "auto" : parameters.moderation());
            job.setInputFidelity(edit ? parameters.inputFidelity() : null);
            job.setPartialImages(properties.partialImages());
            job.setReferenceCount(sources.size() + references.size());
            job.setHasMask(mask != null);
            job.setParentImageId(sources.isEmpty() ? null : sources.get(0).id());
            if (conversation != null) {
                job.setMainlineModel(conversation.mainlineModel());
                job.setPreviousResponseId(conversation.previousResponseId());
            }
            job.setAdmittedAt(GenerationJobs.utc(ticket.admittedAt()));
            job.setCreatedAt(job.getAdmittedAt());
            job.setUsagePrevCountedAt(GenerationJobs.utc(ticket.previousCountedAt()));
            UUID generationId = jobs.insert(job);
            for (int i = 0; i < sources.size(); i++) {
                db.insertInto(GENERATION_INPUT).set(GENERATION_INPUT.GENERATION_ID, generationId)
                        .set(GENERATION_INPUT.IMAGE_ID, sources.get(i).id()).set(GENERATION_INPUT.POSITION, i).execute();
            }
            for (int i = 0; i < references.size(); i++) {
                ValidatedImage reference = references.get(i);
                db.insertInto(IMAGE)
                        .set(IMAGE.ID, referenceIds.get(i))
                        .set(IMAGE.WORKSPACE_ID, me.workspaceId())
                        .set(IMAGE.OWNER_ID, me.userId())
                        .set(IMAGE.GENERATION_ID, generationId)
                        .set(IMAGE.ROLE, "reference")
                        .set(IMAGE.POSITION, i)
                        .set(IMAGE.FORMAT, reference.format().name().toLowerCase(java.util.Locale.ROOT))
                        .set(IMAGE.WIDTH, reference.width())
                        .set(IMAGE.HEIGHT, reference.height())
                        .set(IMAGE.BYTES, (long) reference.bytes().length)
                        .set(IMAGE.SHA256, reference.sha256Hex())
                        .set(IMAGE.CREATED_AT, job.getCreatedAt())
                        .execute();
                db.insertInto(GENERATION_INPUT).set(GENERATION_INPUT.GENERATION_ID, generationId)
                        .set(GENERATION_INPUT.IMAGE_ID, referenceIds.get(i))
                        .set(GENERATION_INPUT.POSITION, sources.size() + i).execute();
            }
            if (mask != null) {
                insertMask(me, generationId, maskId, mask.image(), job.getCreatedAt());
            }
            return generationId;
        });
        events.publishRecorded(new GenerationRecorded(id, me.workspaceId(), me.userId(), GenerationStatus.QUEUED));
        return id;
    }

    /**
     * A request naming a catalogue model this workspace can no longer use (shut down, or unknown to its key) never
     * reaches OpenAI: the member reads which model to use instead.
     */
    private void refuseRetired(String requested, List<ImageModel> offered) {
        goneNotice(requested, offered).ifPresent(gone -> {
            throw new UserInputException(gone.message());
        });
    }

    /**
     * When settings being reused (an earlier generation, a thread's previous turn) name a model this workspace can no
     * longer use: "That model is no longer available." and the offered replacement, which the form then selects.
     * Empty for a model still offered, or unknown to the catalogue.
     */
    @PermitAll
    public Optional<ModelGone> modelGone(String modelId) {
        Member me = access.requireMember();
        return goneNotice(modelId, availability.offeredTo(me.workspaceId()));
    }

    private Optional<ModelGone> goneNotice(String requested, List<ImageModel> offered) {
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        String wanted = requested.strip();
        Optional<ImageModel> named = catalog.all().stream()
                .filter(m -> m.id().equalsIgnoreCase(wanted) || m.label().equalsIgnoreCase(wanted)).findFirst();
        if (named.isEmpty() || !named.get().enabled() || offered.stream().anyMatch(m -> m.id().equals(named.get().id()))) {
            return Optional.empty();
        }
        Optional<ImageModel> replacement = catalog.imageModelReplacing(named.get().id(),
                r -> offered.stream().anyMatch(o -> o.id().equals(r.id())));
        return Optional.of(new ModelGone(MODEL_GONE + replacement.map(r -> " Use " + r.label() + " instead.")
                .orElse(" Choose another model."), replacement.map(ImageModel::id)));
    }

    /** The mask is kept with the job (not in generation_input): the worker sends it as the separate mask part. */
    private void insertMask(Member me, UUID generationId, UUID maskId, ValidatedImage mask, OffsetDateTime createdAt) {
        db.insertInto(IMAGE)
                .set(IMAGE.ID, maskId)
                .set(IMAGE.WORKSPACE_ID, me.workspaceId())
                .set(IMAGE.OWNER_ID, me.userId())
                .set(IMAGE.GENERATION_ID, generationId)
                .set(IMAGE.ROLE, "mask")
                .set(IMAGE.FORMAT, "png")
                .set(IMAGE.WIDTH, mask.width())
                .set(IMAGE.HEIGHT, mask.height())
                .set(IMAGE.BYTES, (long) mask.bytes().length)
                .set(IMAGE.SHA256, mask.sha256Hex())
                .set(IMAGE.CREATED_AT, createdAt)
                .execute();
    }

    /**
     * Checks a mask (painted or uploaded) for a stored image of the caller's workspace, exactly as a submission with
     * that image first would; the painted share is for showing. Refusals are {@link UserInputException}s.
     */
    @PermitAll
    public ValidatedMask checkMask(UUID imageId, GenerationRequest.Upload mask) {
        Member me = access.requireMember();
        SourceImage image = sourceImages(me.workspaceId(), List.of(imageId)).get(0);
        return validateMask(mask, image.width(), image.height());
    }

    /** Checks a mask for an uploaded image that will be the first reference of a submission. */
    @PermitAll
    public ValidatedMask checkMask(GenerationRequest.Upload image, GenerationRequest.Upload mask) {
        access.requireMember();
        ValidatedImage first = uploads.validateReference(image.displayName(), new ByteArrayInputStream(image.bytes()),
                uploadLimits);
        return validateMask(mask, first.width(), first.height());
    }

    /** Cancels one of the caller's own generations while it is queued or running. */
    @PermitAll
    public boolean cancel(UUID generationId) {
        Member me = access.requireMember();
        GenerationJobs.CancelOutcome outcome = jobs.requestCancel(generationId, me.workspaceId(), me.userId());
        switch (outcome) {
            case CANCELLED -> events.finished(generationId, me.workspaceId(), me.userId(), GenerationStatus.CANCELLED);
            // The worker ends the job and announces it once; announcing here as well recorded it twice.
            case REQUESTED -> worker.interrupt(generationId);
            case NOTHING -> { }
        }
        return outcome != GenerationJobs.CancelOutcome.NOTHING;
    }

    /** A generation of the caller's workspace; another workspace's does not exist. */
    @PermitAll
    public Optional<GenerationDetails> find(UUID generationId) {
        Member me = access.requireMember();
        return jobs.findDetails(me.workspaceId(), generationId);
    }

    /** The generation that produced an image of the caller's workspace ("Edit this image" starts from it). */
    @PermitAll
    public Optional<GenerationDetails> findByImage(UUID imageId) {
        Member me = access.requireMember();
        return jobs.findDetailsByImage(me.workspaceId(), imageId);
    }

    /** The caller's most recent generations in the active workspace, newest first. */
    @PermitAll
    public List<GenerationDetails> recent(int limit) {
        Member me = access.requireMember();
        return jobs.recentOf(me.workspaceId(), me.userId(), Math.min(Math.max(limit, 1), 50));
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

    /** A stored image to edit, checked to belong to the caller's workspace. */
    private record SourceImage(UUID id, int width, int height) {
    }

    private List<SourceImage> sourceImages(UUID workspaceId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var rows = db.select(IMAGE.ID, IMAGE.WIDTH, IMAGE.HEIGHT).from(IMAGE)
                .where(IMAGE.ID.in(ids).and(IMAGE.WORKSPACE_ID.eq(workspaceId)).and(IMAGE.DELETED_AT.isNull())
                        .and(IMAGE.ROLE.eq("result")))
                .fetchMap(IMAGE.ID);
        List<SourceImage> sources = new ArrayList<>();
        for (UUID id : ids) {
            var row = rows.get(id);
            if (row == null) {
                throw new UserInputException("Could not find the image to edit.");
            }
            sources.add(new SourceImage(id, row.get(IMAGE.WIDTH), row.get(IMAGE.HEIGHT)));
        }
        return sources;
    }

    private List<ValidatedImage> validateReferences(GenerationRequest request, ImageModel model, List<SourceImage> sources) {
        int total = sources.size() + request.references().size();
        if (total == 0) {
            return List.of();
        }
        if (total > model.maxReferenceImages()) {
            throw new UserInputException(model.maxReferenceImages() == 0
                    ? model.label() + " does not accept reference images."
                    : "You can attach at most " + model.maxReferenceImages() + " reference images for this model.");
        }
        List<ReferenceUpload> files = request.references().stream()
                .map(u -> new ReferenceUpload(u.displayName(), new ByteArrayInputStream(u.bytes()))).toList();
        List<ValidatedImage> validated = files.isEmpty() ? List.of()
                : uploads.validateSet(files, uploadLimits.withMaxFiles(model.maxReferenceImages()));
        long distinctSizes = java.util.stream.Stream.concat(
                sources.stream().map(s -> s.width() + "x" + s.height()),
                validated.stream().map(v -> v.width() + "x" + v.height())).distinct().count();
        if (distinctSizes > 1) {
            throw new UserInputException("All reference images must have identical width × height");
        }
        return validated;
    }

    /** OpenAI applies the mask to the first image, so it must have that image's size. */
    private ValidatedMask validateMask(GenerationRequest.Upload mask, List<SourceImage> sources,
                                       List<ValidatedImage> references) {
        if (!sources.isEmpty()) {
            return validateMask(mask, sources.get(0).width(), sources.get(0).height());
        }
        if (!references.isEmpty()) {
            return validateMask(mask, references.get(0).width(), references.get(0).height());
        }
        throw new UserInputException("A mask needs an image to edit. Add the image first, then its mask.");
    }

    private ValidatedMask validateMask(GenerationRequest.Upload mask, int width, int height) {
        return uploads.validateMask(mask.displayName(), new ByteArrayInputStream(mask.bytes()), width, height);
    }
}
