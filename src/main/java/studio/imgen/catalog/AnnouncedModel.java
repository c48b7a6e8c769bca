package studio.imgen.catalog;

import java.time.LocalDate;

/** A model as OpenAI's model list shows it to one key, with the shutdown date OpenAI announces (null: none). */
public record AnnouncedModel(String id, LocalDate shutdownOn) {
}
