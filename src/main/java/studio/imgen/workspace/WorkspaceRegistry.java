package studio.imgen.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;

/**
 * Creating, renaming, archiving and restoring workspaces, for the instance admin's directory service, which checks
 * the caller's right first; not for views. Names are validated here, where the table's rules live: 1 to 100
 * characters, unique regardless of case.
 */
@Component
public class WorkspaceRegistry {

    static final int NAME_MAX = 100;

    private final WorkspaceRepository repository;

    WorkspaceRegistry(WorkspaceRepository repository) {
        this.repository = repository;
    }

    public List<WorkspaceRecordSummary> all() {
        return repository.findAll();
    }

    /** Every workspace's id, archived ones too, for the jobs that look after all of them. */
    public List<UUID> ids() {
        return repository.findIds();
    }

    public Optional<String> name(UUID workspaceId) {
        return repository.findName(workspaceId);
    }

    public UUID create(String name) {
        String cleaned = validName(name, null);
        return repository.insert(cleaned);
    }

    /** Returns the name as stored; refused for an unknown workspace or a name another workspace has. */
    public String rename(UUID workspaceId, String name) {
        String cleaned = validName(name, workspaceId);
        if (!repository.rename(workspaceId, cleaned)) {
            throw new UserInputException("That workspace no longer exists.");
        }
        return cleaned;
    }

    /** Members lose access at once (membership lookups skip archived workspaces); all data stays. */
    public void archive(UUID workspaceId, UUID by) {
        if (!repository.archive(workspaceId, by)) {
            throw new UserInputException("That workspace is archived already.");
        }
    }

    public void restore(UUID workspaceId) {
        if (!repository.restore(workspaceId)) {
            throw new UserInputException("That workspace is not archived.");
        }
    }

    public boolean isArchived(UUID workspaceId) {
        return repository.isArchived(workspaceId);
    }

    /** Makes an existing account an admin of the workspace (a member already keeps their membership). */
    public void addAdmin(UUID workspaceId, UUID userId) {
        repository.addMember(workspaceId, userId, true);
    }

    private String validName(String name, UUID renaming) {
        String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (cleaned.isEmpty()) {
            throw new UserInputException("Enter a name for the workspace.");
        }
        if (cleaned.length() > NAME_MAX) {
            throw new UserInputException("A workspace name can have at most " + NAME_MAX + " characters.");
        }
        repository.findIdByName(cleaned).filter(id -> !id.equals(renaming)).ifPresent(id -> {
            throw new UserInputException("A workspace named “" + cleaned + "” already exists. Choose another name.");
        });
        return cleaned;
    }
}
