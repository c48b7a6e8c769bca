package studio.imgen.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.access.AccessControl;
import studio.imgen.access.Admission;
import studio.imgen.access.RequestedOptions;
import studio.imgen.access.ResolvedOptions;
import studio.imgen.admin.WorkspaceSettings;
import studio.imgen.admin.WorkspaceSettingsQuery;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.OptionValue;
import studio.imgen.catalog.WorkspaceModels;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.ValidatedImage;
import studio.imgen.storage.ValidatedMask;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * A submission: every check of imgen-behaviour §3.5 in that order, then, in one short transaction, the busy limits,
 * the atomic admission (cooldown and quota consumed) and the durable job with its inputs. A refusal is announced as
 * a denied generation and rethrown for the member.
 */
@Component
class GenerationSubmission {

    private final AccessControl accessControl;
    private final WorkspaceSettingsQuery workspaceSettings;
    private final ModelAvailability availability;
    private final GenerationChoices choices;
    private final SubmissionInputs inputs;
    private final GenerationRepository generations;
    private final ImageRepository images;
    private final GenerationEvents events;
    private final GenerationAnnouncer announcer;
    private final ImageStore store;
    private final TransactionTemplate transaction;
    private final GenerationProperties properties;
    private final AdmissionReads admissionReads;

    GenerationSubmission(AccessControl accessControl, WorkspaceSettingsQuery workspaceSettings, ModelAvailability availability,
                         GenerationChoices choices, SubmissionInputs inputs, GenerationRepository generations,
                         ImageRepository images, GenerationEvents events, GenerationAnnouncer announcer, ImageStore store,
                         TransactionTemplate transaction, GenerationProperties properties,
                         AdmissionReads admissionReads) {
        this.accessControl = accessControl;
        this.workspaceSettings = workspaceSettings;
        this.availability = availability;
        this.choices = choices;
        this.inputs = inputs;
        this.generations = generations;
        this.images = images;
        this.events = events;
        this.announcer = announcer;
        this.store = store;
        this.transaction = transaction;
        this.properties = properties;
        this.admissionReads = admissionReads;
    }

    UUID submit(Member me, GenerationRequest request, ConversationTurn conversation) {
        try {
            return admit(me, request, conversation);
        } catch (UserInputException refused) {
            events.publishDenied(new GenerationDenied(me.workspaceId(), me.userId(), request.prompt(), request.options(),
                    request.references().size() + request.sourceImages().size(), refused.getMessage()));
            throw refused;
        }
    }

    private UUID admit(Member me, GenerationRequest request, ConversationTurn conversation) {
        if (request.submissionId() != null) {
            Optional<UUID> earlier = generations.findBySubmission(me.userId(), request.submissionId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        WorkspaceSettings settings = workspaceSettings.settings(me.workspaceId());
        if (!settings.key().configured()) {
            throw new UserInputException(GenerationService.NO_KEY);
        }
        AccessControl.Admissible admissible = accessControl.admissible(me.workspaceId(), me.userId(), me.admin(),
                settings.policy());
        WorkspaceModels modelStatus = availability.of(me.workspaceId());
        List<ImageModel> offered = availability.offeredTo(modelStatus);
        // A request naming a model this workspace can no longer use never reaches OpenAI: the member reads what to use.
        choices.goneNotice(request.options().model(), offered).ifPresent(gone -> {
            throw new UserInputException(gone.message());
        });
        AccessControl.Permit permit = admissible.permit(offered,
                new RequestedOptions(request.options().model(), request.options().size(), request.options().quality()));
        ResolvedOptions resolved = permit.options();
        ImageModel model = offered.stream().filter(m -> m.id().equals(resolved.model().id())).findFirst().orElseThrow();
        GenerationParameters parameters = GenerationParameters.validate(request, model, settings);
        List<SubmissionInputs.SourceImage> sources = inputs.sourceImages(me.workspaceId(), request.sourceImages());
        List<ValidatedImage> references = inputs.references(request, model, sources);
        ValidatedMask mask = request.mask() == null ? null : inputs.mask(request.mask(), sources, references);
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
        GenerationRecord admitted = transaction.execute(status -> {
            GenerationRepository.ActiveJobs active = generations.activeJobs(me.workspaceId(), me.userId());
            if (active.member() >= properties.maxActivePerUser()
                    || active.workspace() >= properties.maxActivePerWorkspace()) {
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
            job.setBackground(parameters.background().wireValue());
            job.setOutputFormat(parameters.outputFormat().wireValue());
            job.setOutputCompression(parameters.outputCompression());
            job.setModeration((edit ? Moderation.AUTO : parameters.moderation()).wireValue());
            job.setInputFidelity(edit ? OptionValue.wireOf(parameters.inputFidelity()) : null);
            job.setPartialImages(properties.partialImages());
            job.setReferenceCount(sources.size() + references.size());
            job.setHasMask(mask != null);
            job.setParentImageId(sources.isEmpty() ? null : sources.get(0).id());
            if (conversation != null) {
                job.setMainlineModel(conversation.mainlineModel());
                job.setPreviousResponseId(conversation.previousResponseId());
            }
            job.setAdmittedAt(GenerationRepository.utc(ticket.admittedAt()));
            job.setCreatedAt(job.getAdmittedAt());
            job.setUsagePrevCountedAt(GenerationRepository.utc(ticket.previousCountedAt()));
            UUID generationId = generations.insert(job);
            job.setId(generationId);
            for (int i = 0; i < sources.size(); i++) {
                images.insertInput(generationId, sources.get(i).id(), i);
            }
            for (int i = 0; i < references.size(); i++) {
                images.insertReference(me.workspaceId(), me.userId(), generationId, referenceIds.get(i), i,
                        references.get(i), job.getCreatedAt());
                images.insertInput(generationId, referenceIds.get(i), sources.size() + i);
            }
            if (mask != null) {
                images.insertMask(me.workspaceId(), me.userId(), generationId, maskId, mask.image(), job.getCreatedAt());
            }
            return job;
        });
        admissionReads.put(admitted.getId(), model, modelStatus);
        announcer.admitted(admitted);
        return admitted.getId();
    }
}
