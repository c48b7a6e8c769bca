package studio.imgen.openai;

import java.time.LocalDate;

/** A model as {@code GET /v1/models} lists it for a key, with the shutdown date OpenAI announces (null: none). */
public record ListedModel(String id, LocalDate shutdownDate) {
}
