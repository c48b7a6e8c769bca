package studio.imgen.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerationService;
import studio.imgen.workspace.WorkspaceAccess;

/**
 * {@code GET /v1/models}: the image models this member may use now (their roles' rules, the catalogue and the
 * workspace key's model list, exactly what the Generate view offers), as OpenAI's {@code Model} objects with
 * {@code shutdown_date}. A member whose roles allow nothing gets an empty list.
 */
@Component
class ModelList {

    private final GenerationService generations;
    private final ModelAvailability availability;
    private final WorkspaceAccess access;

    ModelList(GenerationService generations, ModelAvailability availability, WorkspaceAccess access) {
        this.generations = generations;
        this.availability = availability;
        this.access = access;
    }

    List<Map<String, Object>> forCaller() {
        WorkspaceAccess.Member me = access.requireMember();
        Set<String> allowed = generations.form(null).models().stream().map(GenerateForm.ModelOption::id)
                .collect(Collectors.toSet());
        return availability.offeredTo(me.workspaceId()).stream().filter(m -> allowed.contains(m.id())).map(m -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", m.id());
            model.put("object", "model");
            // The catalogue keeps no creation date; 0 says "unknown" in the schema's required integer.
            model.put("created", 0);
            model.put("owned_by", "openai");
            model.put("shutdown_date", m.shutdownOn() == null ? null : m.shutdownOn().toString());
            return model;
        }).toList();
    }
}
