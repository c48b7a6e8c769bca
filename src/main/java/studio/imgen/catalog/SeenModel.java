package studio.imgen.catalog;

import java.time.Instant;

/** An image-model id that workspaces' keys list but the catalogue lacks. */
public record SeenModel(String id, int workspaces, Instant firstSeen) {
}
