package studio.imgen.thread;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import studio.imgen.admin.EditThreadDefaults.Mode;

/**
 * A thread as a workspace member sees it. {@code editable} is true only for its owner; colleagues get a read-only
 * view and may start their own thread from any of its images.
 */
public record ThreadDetails(UUID id, String title, Mode mode, UUID ownerId, String ownerName, boolean editable,
                            Optional<BranchOrigin> branchedFrom, List<ThreadTurn> turns) {

    /** "Branched from <title> turn N"; the title is empty when the original is gone or not visible. */
    public record BranchOrigin(UUID threadId, String title, int seq) {
    }

    public ThreadDetails {
        turns = List.copyOf(turns);
    }

    public Optional<ThreadTurn> running() {
        return turns.stream().filter(ThreadTurn::running).findFirst();
    }

    /** The latest turn that holds an image: what the next turn edits. */
    public Optional<ThreadTurn> current() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).image().isPresent()) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }
}
