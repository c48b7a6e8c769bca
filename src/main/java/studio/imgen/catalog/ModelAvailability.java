package studio.imgen.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which catalogue models each workspace's OpenAI key can use and the shutdown dates OpenAI announces to it, as read
 * from {@code GET /v1/models}. For the admin module, which holds the keys, checks who asks and audits what changed.
 */
@Component
public class ModelAvailability {

    /** Image model ids as OpenAI names them; dated snapshots ({@code -2026-04-21}) are left to their base id. */
    private static final Pattern IMAGE_MODEL_ID =
            Pattern.compile("(gpt-image|chatgpt-image)-[a-z0-9]+([.-][a-z0-9]+)*(?<!-\\d{4}-\\d{2}-\\d{2})");

    private final ModelStatusRepository repository;
    private final ModelCatalog catalog;
    private final Clock clock;

    ModelAvailability(ModelStatusRepository repository, ModelCatalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    public WorkspaceModels of(UUID workspaceId) {
        return repository.find(workspaceId);
    }

    /**
     * Stores the key's fresh model list.
     *
     * @return the catalogue models whose announced shutdown date changed since the key's list was last read (a new,
     *     moved or withdrawn date); nothing on the first read, which only learns the dates
     */
    public List<ShutdownDateChange> record(UUID workspaceId, List<AnnouncedModel> listed) {
        WorkspaceModels before = repository.find(workspaceId);
        repository.replace(workspaceId, listed, clock.instant());
        Set<String> catalogued = new HashSet<>();
        catalog.all().forEach(m -> catalogued.add(m.id()));
        catalog.chatModels().forEach(m -> catalogued.add(m.id()));
        List<ShutdownDateChange> changes = new ArrayList<>();
        if (!before.known()) {
            return changes;
        }
        for (AnnouncedModel m : listed) {
            LocalDate was = before.announcedShutdowns().get(m.id());
            if (catalogued.contains(m.id()) && !Objects.equals(was, m.shutdownOn())) {
                changes.add(new ShutdownDateChange(m.id(), was, m.shutdownOn()));
            }
        }
        return changes;
    }

    /** OpenAI answered {@code model_not_found}: @return true when this is news for the workspace. */
    public boolean markUnavailable(UUID workspaceId, String modelId) {
        return repository.markUnavailable(workspaceId, modelId, clock.instant());
    }

    /** The key changed or was removed: its list no longer applies. */
    public void forget(UUID workspaceId) {
        repository.forget(workspaceId);
    }

    /** Of these workspaces, the ones whose list is older than {@code maxAge} or was never read. */
    public List<UUID> due(List<UUID> workspaces, Duration maxAge) {
        return repository.checkedBefore(workspaces, clock.instant().minus(maxAge));
    }

    /** Image-model ids that workspaces' keys list and the catalogue lacks, for the instance admin. */
    public List<SeenModel> uncatalogued() {
        return repository.listedButUncatalogued(IMAGE_MODEL_ID);
    }

    /** The image models a workspace is offered today: enabled, not shut down, usable with its key. */
    public List<ImageModel> offeredTo(UUID workspaceId) {
        return offeredTo(repository.find(workspaceId));
    }

    /** {@link #offeredTo(UUID)} from the workspace's model status as already read ({@link #of}). */
    public List<ImageModel> offeredTo(WorkspaceModels status) {
        LocalDate today = catalog.today();
        return catalog.offered().stream().filter(m -> status.usable(m.id())
                && status.announcedShutdown(m.id()).filter(d -> !today.isBefore(d)).isEmpty()).toList();
    }

    /** A changed shutdown date OpenAI announces for a catalogue model. */
    public record ShutdownDateChange(String modelId, LocalDate before, LocalDate after) {
    }
}
