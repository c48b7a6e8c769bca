package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** {@code GET /v1/models}: the lifecycle table of openai-images.md §1, with {@code shutdown_date} where announced. */
final class ModelCatalogue {

    private ModelCatalogue() {}

    static ObjectNode list(Predicate<String> retired) {
        ObjectNode body = Json.object();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        Map<String, String> catalogue = new LinkedHashMap<>();
        catalogue.put("gpt-image-1", "2026-10-23");
        catalogue.put("gpt-image-1.5", "2026-12-01");
        catalogue.put("gpt-image-1.5-2025-12-16", "2026-12-01");
        catalogue.put("gpt-image-1-mini", "2026-12-01");
        catalogue.put("chatgpt-image-latest", "2026-12-01");
        catalogue.put("gpt-image-2", null);
        catalogue.put("gpt-image-2-2026-04-21", null);
        catalogue.put("gpt-image-2.5-flare", null);
        catalogue.put("gpt-image-2.5-sunburst", null);
        catalogue.put("gpt-5", "2026-12-11");
        catalogue.put("gpt-5-mini", "2026-12-11");
        catalogue.put("o3", "2026-12-11");
        catalogue.put("gpt-4.1", "2027-01-14");
        catalogue.put("gpt-4.1-mini", "2027-01-14");
        catalogue.put("gpt-5.4", null);
        catalogue.put("gpt-5.4-mini", null);
        catalogue.forEach((id, shutdown) -> {
            if (retired.test(id)) {
                return;
            }
            ObjectNode model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", 1_745_000_000L);
            model.put("owned_by", "system");
            if (shutdown != null) {
                model.put("shutdown_date", shutdown);
            }
        });
        return body;
    }
}
