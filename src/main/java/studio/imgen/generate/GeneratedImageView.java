package studio.imgen.generate;

import java.util.UUID;

/** One stored result image, as views show it (bytes are fetched through the access-checked image URLs). */
public record GeneratedImageView(UUID id, int position, String format, int width, int height, long bytes) {
}
