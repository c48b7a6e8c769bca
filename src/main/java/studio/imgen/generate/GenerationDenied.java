package studio.imgen.generate;

import java.util.UUID;

/**
 * A submission refused before any job existed (no key, no role, cooldown, quota, invalid option or input). Carries
 * what was asked, since there is no generation row to read.
 *
 * @param reason the sentence the member saw
 */
public record GenerationDenied(UUID workspaceId, UUID userId, String prompt, ImageOptions options, int referenceCount,
                               String reason) {
}
