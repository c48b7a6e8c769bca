package studio.imgen.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.MembershipLookup;

/** Answers security's question "which workspace does this user work in" at login and on switching. */
@Component
class WorkspaceMemberships implements MembershipLookup {

    private final WorkspaceRepository repository;

    WorkspaceMemberships(WorkspaceRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<ActiveMembership> resolve(UUID userId, UUID preferredWorkspaceId) {
        Optional<WorkspaceSummary> preferred = preferredWorkspaceId == null ? Optional.empty()
                : repository.findMembership(userId, preferredWorkspaceId);
        return preferred.or(() -> {
            List<WorkspaceSummary> all = repository.findForUser(userId);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }).map(w -> new ActiveMembership(w.id(), w.name(), w.admin()));
    }
}
