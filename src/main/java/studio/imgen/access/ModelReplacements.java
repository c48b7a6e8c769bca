package studio.imgen.access;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.catalog.WorkspaceModels;

/**
 * Which image model stands in for one that is shut down for a workspace: the catalogue's replacement, if the
 * workspace can use it and OpenAI has not shut it down too. Read on every access check, so that nobody loses access
 * between a shutdown date and the lifecycle job that moves rules and defaults for good.
 */
@Component
public class ModelReplacements {

    private final ModelCatalog catalog;
    private final ModelAvailability availability;

    ModelReplacements(ModelCatalog catalog, ModelAvailability availability) {
        this.catalog = catalog;
        this.availability = availability;
    }

    /** The model ids with each model that is shut down for this workspace read as its replacement. */
    public Set<String> current(UUID workspaceId, Set<String> modelIds) {
        if (modelIds.isEmpty()) {
            return modelIds;
        }
        LocalDate today = catalog.today();
        WorkspaceModels status = availability.of(workspaceId);
        Map<String, ImageModel> shutDown = catalog.all().stream()
                .filter(m -> modelIds.contains(m.id()))
                .filter(m -> status.shutdownOf(m.id(), m.shutdownOn()).filter(d -> !today.isBefore(d)).isPresent())
                .collect(Collectors.toMap(ImageModel::id, m -> m));
        if (shutDown.isEmpty()) {
            return modelIds;
        }
        return modelIds.stream().map(id -> Optional.ofNullable(shutDown.get(id))
                        .flatMap(m -> replacement(m, status, today)).map(ImageModel::id).orElse(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The model that replaces {@code model} in a workspace with that status, if it can use one. */
    public Optional<ImageModel> replacement(ImageModel model, WorkspaceModels status, LocalDate today) {
        return catalog.imageModelReplacing(model.id(), r -> status.usable(r.id())
                && status.announcedShutdown(r.id()).filter(d -> !today.isBefore(d)).isEmpty());
    }
}
