package studio.imgen.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one workspace's OpenAI key can use, as last read from OpenAI's model list.
 *
 * @param checkedAt when the list was last read; null while unknown, and then every model counts as usable
 * @param listed the ids the list showed
 * @param announcedShutdowns the shutdown dates the list announced, by id
 * @param unavailable ids OpenAI answered {@code model_not_found} for since, with when
 */
public record WorkspaceModels(Instant checkedAt, Set<String> listed, Map<String, LocalDate> announcedShutdowns,
                              Map<String, Instant> unavailable) {

    public WorkspaceModels {
        listed = Set.copyOf(listed);
        announcedShutdowns = Map.copyOf(announcedShutdowns);
        unavailable = Map.copyOf(unavailable);
    }

    public static final WorkspaceModels UNKNOWN = new WorkspaceModels(null, Set.of(), Map.of(), Map.of());

    public boolean known() {
        return checkedAt != null;
    }

    /** The key can use it: not answered model_not_found, and listed when the list is known. */
    public boolean usable(String modelId) {
        return !unavailable.containsKey(modelId) && (!known() || listed.contains(modelId));
    }

    public Optional<LocalDate> announcedShutdown(String modelId) {
        return Optional.ofNullable(announcedShutdowns.get(modelId));
    }

    /** The earlier of the catalogue's date and the one OpenAI announced to this workspace's key. */
    public Optional<LocalDate> shutdownOf(String modelId, LocalDate catalogueDate) {
        Optional<LocalDate> announced = announcedShutdown(modelId);
        if (catalogueDate == null) {
            return announced;
        }
        return Optional.of(announced.filter(a -> a.isBefore(catalogueDate)).orElse(catalogueDate));
    }
}
