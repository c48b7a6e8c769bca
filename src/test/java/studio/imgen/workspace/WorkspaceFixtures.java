package studio.imgen.workspace;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Test-only access to workspace creation until workspace management has its own service. */
@Component
public class WorkspaceFixtures {

    private final WorkspaceRepository repository;

    WorkspaceFixtures(WorkspaceRepository repository) {
        this.repository = repository;
    }

    public UUID create(String name) {
        return repository.insert(name);
    }

    public void addMember(UUID workspaceId, UUID userId, boolean admin) {
        repository.addMember(workspaceId, userId, admin);
    }
}
