package studio.imgen.generate;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Stored images for the modules that show and serve them (the gallery and its image endpoints). Every method re-checks
 * the caller's membership of their active workspace and works on that workspace only: an image of another workspace
 * does not exist here, and throws {@link org.springframework.security.access.AccessDeniedException} when the caller is
 * no member.
 */
@Service
public class ResultImages {

    private final WorkspaceAccess access;
    private final ResultImageRepository images;
    private final Clock clock;

    ResultImages(WorkspaceAccess access, ResultImageRepository images, Clock clock) {
        this.access = access;
        this.images = images;
        this.clock = clock;
    }

    /** A live result image of the caller's workspace. */
    @PermitAll
    public Optional<ResultImage> find(UUID imageId) {
        Member me = access.requireMember();
        return images.findResult(me.workspaceId(), imageId);
    }

    /**
     * Soft-deletes a result image of the caller's workspace, allowed to the member who requested it and to workspace
     * admins. The statement re-checks workspace, state and ownership, so of two concurrent deletes one wins cleanly.
     */
    @PermitAll
    public ResultDeletion softDelete(UUID imageId) {
        Member me = access.requireMember();
        Optional<ResultImage> image = images.findResult(me.workspaceId(), imageId);
        if (image.isEmpty()) {
            return ResultDeletion.Refused.NOT_FOUND;
        }
        if (!me.admin() && !me.userId().equals(image.get().ownerId())) {
            return ResultDeletion.Refused.NOT_YOURS;
        }
        if (!images.softDelete(me.workspaceId(), imageId, me.userId(), me.admin(), OffsetDateTime.now(clock))) {
            return ResultDeletion.Refused.NOT_FOUND;
        }
        return new ResultDeletion.Deleted(imageId, me.workspaceId(), image.get().ownerId(), me.userId());
    }

    /** A live image of any role (result, reference or mask) of the caller's workspace, to serve its file. */
    @PermitAll
    public Optional<ImageFile> file(UUID imageId) {
        Member me = access.requireMember();
        return images.findFile(me.workspaceId(), imageId);
    }

    /** Which of these images of the caller's workspace the retention job expired; other workspaces' never appear. */
    @PermitAll
    public Set<UUID> expiredAmong(Collection<UUID> imageIds) {
        if (imageIds.isEmpty()) {
            return Set.of();
        }
        Member me = access.requireMember();
        return images.expiredAmong(me.workspaceId(), imageIds);
    }
}
