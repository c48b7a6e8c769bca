package studio.imgen.thread;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.admin.EditThreadDefaults;
import studio.imgen.admin.EditThreadDefaults.Mode;
import studio.imgen.admin.WorkspaceSettingsQuery;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.ConversationTurn;
import studio.imgen.generate.GenerationBlocked;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.GenerationService;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Chat-style edit threads: start one from an image or from uploads, add turns (each a generation with every check
 * of the generate flow), rename, delete, switch mode and branch. A thread exists only inside its workspace; only its
 * owner may change it, colleagues may read it and branch or edit its images into threads of their own.
 */
@Service
public class ThreadService {

    static final String NOT_FOUND = "That thread does not exist or was deleted.";
    static final String NOT_YOURS = "This is a colleague's thread, so you can only look. Use “Edit this image” to"
            + " continue from one of its images in a thread of your own.";
    static final String IMAGE_GONE = "Could not find the image to edit.";
    private static final int TITLE_MAX = 80;

    private final WorkspaceAccess access;
    private final GenerationService generations;
    private final WorkspaceSettingsQuery workspaceSettings;
    private final ThreadRepository threads;
    private final TransactionTemplate transaction;

    ThreadService(WorkspaceAccess access, GenerationService generations, WorkspaceSettingsQuery workspaceSettings,
                  ThreadRepository threads, TransactionTemplate transaction) {
        this.access = access;
        this.generations = generations;
        this.workspaceSettings = workspaceSettings;
        this.threads = threads;
        this.transaction = transaction;
    }

    /** The caller's threads in the active workspace, newest activity first; {@code search} matches title or prompts. */
    @PermitAll
    public List<ThreadSummary> mine(String search) {
        Member me = access.requireMember();
        return threads.listOwned(me.workspaceId(), me.userId(), search, 200);
    }

    /**
     * "Edit this image": a new thread whose first turn holds that image (a result of the caller's workspace). It
     * starts a fresh conversation from the stored image; "Edit from here" is what continues an earlier one.
     */
    @PermitAll
    public UUID startFromImage(UUID imageId) {
        Member me = access.requireMember();
        GenerationDetails origin = generations.findByImage(imageId)
                .orElseThrow(() -> new UserInputException(IMAGE_GONE));
        generations.blockedNow().ifPresent(blocked -> {
            throw new UserInputException(blocked.message());
        });
        Mode mode = workspaceSettings.threadDefaults(me.workspaceId()).mode();
        return transaction.execute(status -> {
            UUID id = threads.insertThread(me.workspaceId(), me.userId(), title(origin.prompt()), mode, null, null);
            threads.insertTurn(id, 1, "start", null, imageId, null);
            return id;
        });
    }

    /**
     * What "Edit this image" would be refused with now, checked before anything opens or is created: the image is
     * gone, or the member may not generate (no key, no role, cooldown, quota, budget; the server's order).
     */
    @PermitAll
    public Optional<GenerationBlocked> whyNotEdit(UUID imageId) {
        access.requireMember();
        if (imageId == null || generations.findByImage(imageId).isEmpty()) {
            return Optional.of(new GenerationBlocked(IMAGE_GONE, Optional.empty()));
        }
        return generations.blockedNow();
    }

    /**
     * "New edit" with uploaded images: the first turn is an edit of the uploads (validated exactly like Generate's
     * reference images, up to the model's limit). Nothing is created when the generation is refused.
     */
    @PermitAll
    public UUID startFromUploads(TurnRequest request, List<GenerationRequest.Upload> uploads) {
        Member me = access.requireMember();
        if (uploads == null || uploads.isEmpty()) {
            throw new UserInputException("Add at least one image to edit.");
        }
        EditThreadDefaults defaults = workspaceSettings.threadDefaults(me.workspaceId());
        UUID generationId = generations.submit(generationRequest(request, uploads, List.of()),
                defaults.mode() == Mode.CONVERSATION ? new ConversationTurn(defaults.mainlineModel(), null) : null);
        return transaction.execute(status -> {
            UUID id = threads.insertThread(me.workspaceId(), me.userId(), title(request.prompt()), defaults.mode(),
                    null, null);
            threads.insertTurn(id, 1, sentAs(defaults.mode(), request).dbValue(), generationId, null, null);
            return id;
        });
    }

    /** A thread of the caller's workspace (read-only unless the caller started it); other workspaces: empty. */
    @PermitAll
    public Optional<ThreadDetails> find(UUID threadId) {
        Member me = access.requireMember();
        return threads.find(me.workspaceId(), threadId).map(row -> details(me, row));
    }

    /**
     * Sends the next turn: an edit of the thread's latest image, as a conversation turn (continuing the stored
     * response when there is one) or a direct edit, per the thread's mode. Returns the turn's generation id.
     */
    @PermitAll
    public UUID addTurn(UUID threadId, TurnRequest request) {
        Member me = access.requireMember();
        ThreadRepository.ThreadRow row = threads.find(me.workspaceId(), threadId)
                .orElseThrow(() -> new UserInputException(NOT_FOUND));
        if (!row.ownerId().equals(me.userId())) {
            throw new UserInputException(NOT_YOURS);
        }
        ThreadDetails thread = details(me, row);
        if (thread.running().isPresent()) {
            throw new UserInputException("The previous turn is still running. Wait for it or cancel it first.");
        }
        ThreadTurn current = thread.current().orElseThrow(() -> new UserInputException(
                "This thread has no image to edit yet. Start a new edit from an image instead."));
        ConversationTurn conversation = null;
        if (row.mode() == Mode.CONVERSATION) {
            conversation = new ConversationTurn(workspaceSettings.threadDefaults(me.workspaceId()).mainlineModel(), responseId(threadId, current));
        }
        UUID generationId = generations.submit(
                generationRequest(request, List.of(), List.of(current.image().orElseThrow())), conversation);
        transaction.executeWithoutResult(status -> {
            // A repeated submission id returns the first generation: it already has its turn.
            if (!threads.hasTurnFor(threadId, generationId)) {
                threads.insertTurn(threadId, threads.nextSeqLocked(threadId), sentAs(row.mode(), request).dbValue(), generationId,
                        null, null);
            }
        });
        return generationId;
    }

    /** "Edit from here": a new thread of the caller's, starting at that turn's image and conversation. */
    @PermitAll
    public UUID branch(UUID threadId, int seq) {
        Member me = access.requireMember();
        ThreadRepository.ThreadRow row = threads.find(me.workspaceId(), threadId)
                .orElseThrow(() -> new UserInputException(NOT_FOUND));
        ThreadTurn turn = details(me, row).turns().stream().filter(t -> t.seq() == seq).findFirst()
                .filter(t -> t.image().isPresent())
                .orElseThrow(() -> new UserInputException("That turn has no image to continue from."));
        String responseId = responseId(threadId, turn);
        String title = shorten(row.title(), TITLE_MAX - 12) + " · branch";
        return transaction.execute(status -> {
            UUID id = threads.insertThread(me.workspaceId(), me.userId(), title, row.mode(), threadId, seq);
            threads.insertTurn(id, 1, "start", null, turn.image().orElseThrow(), responseId);
            return id;
        });
    }

    @PermitAll
    public void rename(UUID threadId, String title) {
        Member me = access.requireMember();
        String cleaned = title == null ? "" : title.strip();
        if (cleaned.isEmpty() || cleaned.length() > 200) {
            throw new UserInputException("A thread name needs 1 to 200 characters.");
        }
        if (!threads.rename(me.workspaceId(), me.userId(), threadId, cleaned)) {
            throw new UserInputException(NOT_FOUND);
        }
    }

    /** Soft delete: the thread disappears; its images stay in the gallery. */
    @PermitAll
    public void delete(UUID threadId) {
        Member me = access.requireMember();
        if (!threads.softDelete(me.workspaceId(), me.userId(), threadId)) {
            throw new UserInputException(NOT_FOUND);
        }
    }

    @PermitAll
    public void changeMode(UUID threadId, Mode mode) {
        Member me = access.requireMember();
        if (!threads.changeMode(me.workspaceId(), me.userId(), threadId, Objects.requireNonNull(mode))) {
            throw new UserInputException(NOT_FOUND);
        }
    }

    /** The response a turn produced (or a start turn inherited), if OpenAI may still have it; null otherwise. */
    private String responseId(UUID threadId, ThreadTurn turn) {
        if (turn.start()) {
            return threads.turns(threadId).stream().filter(t -> t.seq() == turn.seq()).findFirst()
                    .map(ThreadRepository.TurnRow::responseId).orElse(null);
        }
        var conversation = turn.generation().conversation();
        return conversation == null || conversation.fellBack() ? null : conversation.responseId();
    }

    private ThreadDetails details(Member me, ThreadRepository.ThreadRow row) {
        List<ThreadTurn> turns = new ArrayList<>();
        for (ThreadRepository.TurnRow t : threads.turns(row.id())) {
            if (t.generationId() != null) {
                generations.find(t.generationId()).ifPresent(g ->
                        turns.add(new ThreadTurn(t.id(), t.seq(), t.mode(), null, null, g)));
            } else {
                turns.add(new ThreadTurn(t.id(), t.seq(), t.mode(), t.imageId(),
                        generations.findByImage(t.imageId()).orElse(null), null));
            }
        }
        Optional<ThreadDetails.BranchOrigin> origin = Optional.ofNullable(row.branchedFromThreadId())
                .map(from -> new ThreadDetails.BranchOrigin(from,
                        threads.find(me.workspaceId(), from).map(ThreadRepository.ThreadRow::title).orElse(""),
                        row.branchedFromSeq()));
        return new ThreadDetails(row.id(), row.title(), row.mode(), row.ownerId(), row.ownerName(),
                row.ownerId().equals(me.userId()), origin, turns);
    }

    /** A masked turn goes to the edits endpoint whatever the thread's mode (a mask is an Images API part). */
    private static Mode sentAs(Mode threadMode, TurnRequest request) {
        return request.mask() != null ? Mode.DIRECT_EDIT : threadMode;
    }

    private static GenerationRequest generationRequest(TurnRequest r, List<GenerationRequest.Upload> uploads,
                                                       List<UUID> sources) {
        // A turn makes one image; only what the input bar offers is taken from the turn, the rest stays default.
        ImageOptions asked = r.options();
        ImageOptions options = ImageOptions.DEFAULTS.withModel(asked.model()).withSize(asked.size())
                .withQuality(asked.quality()).withOutputFormat(asked.outputFormat()).withN(1);
        return new GenerationRequest(r.submissionId(), r.prompt(), options, uploads, sources, r.mask());
    }

    private static String title(String prompt) {
        String text = prompt == null ? "" : prompt.strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "Untitled edit" : shorten(text, TITLE_MAX);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
