package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /v1/models}: the lifecycle table of openai-images.md §1, with {@code shutdown_date} where announced, plus
 * the tests' own catalogue models ({@code db/testdata}). Tests add models or change dates per test; {@link #reset}
 * restores the table.
 */
final class FakeModelCatalog {

    /** Listed in this order; a value of "" means no shutdown date. */
    private final Map<String, String> models = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    FakeModelCatalog() {
        reset();
    }

    void reset() {
        synchronized (models) {
            models.clear();
            models.put("gpt-image-1", "2026-10-23");
            models.put("gpt-image-1.5", "2026-12-01");
            models.put("gpt-image-1.5-2025-12-16", "2026-12-01");
            models.put("gpt-image-1-mini", "2026-12-01");
            models.put("chatgpt-image-latest", "2026-12-01");
            models.put("gpt-image-2", "");
            models.put("gpt-image-2-2026-04-21", "");
            models.put("gpt-image-2.5-flare", "");
            models.put("gpt-image-2.5-sunburst", "");
            models.put("gpt-5", "2026-12-11");
            models.put("gpt-5-mini", "2026-12-11");
            models.put("o3", "2026-12-11");
            models.put("gpt-4.1", "2027-01-14");
            models.put("gpt-4.1-mini", "2027-01-14");
            models.put("gpt-5.4", "");
            models.put("gpt-5.4-mini", "");
            models.put("test-image-a", "");
            models.put("test-image-b", "");
        }
    }

    /** Lists the model, with the given shutdown date ({@code YYYY-MM-DD}) or none (null). */
    void list(String id, String shutdownDate) {
        models.put(id, shutdownDate == null ? "" : shutdownDate);
    }

    /** The key no longer lists the model. */
    void unlist(String id) {
        models.remove(id);
    }

    ObjectNode body(Predicate<String> retired) {
        ObjectNode body = Json.object();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        Map<String, String> snapshot;
        synchronized (models) {
            snapshot = new LinkedHashMap<>(models);
        }
        snapshot.forEach((id, shutdown) -> {
            if (retired.test(id)) {
                return;
            }
            ObjectNode model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", 1_745_000_000L);
            model.put("owned_by", "system");
            if (!shutdown.isEmpty()) {
                model.put("shutdown_date", shutdown);
            }
        });
        return body;
    }
}
