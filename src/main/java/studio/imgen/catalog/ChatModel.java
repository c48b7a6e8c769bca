package studio.imgen.catalog;

import java.time.LocalDate;

/**
 * A chat ("mainline") model that drives conversation turns through the Responses API, calling the image model as a
 * tool (openai-images.md §7). Catalogue data like image models, with the same lifecycle.
 *
 * @param supportsImageTool documented as able to call the {@code image_generation} tool; only such models are offered
 */
public record ChatModel(String id, String label, int sortOrder, boolean enabled, boolean isDefault,
                        boolean supportsImageTool, LocalDate deprecatedFrom, LocalDate shutdownOn, String replacement) {

    public boolean retiredOn(LocalDate today) {
        return shutdownOn != null && !today.isBefore(shutdownOn);
    }

    /** Can drive a conversation turn today. */
    public boolean offeredOn(LocalDate today) {
        return enabled && supportsImageTool && !retiredOn(today);
    }

    /** "Available", "Retiring on 11 December 2026" or "Shut down". */
    public String lifecycle(LocalDate today) {
        return ImageModel.lifecycle(shutdownOn, today);
    }
}
