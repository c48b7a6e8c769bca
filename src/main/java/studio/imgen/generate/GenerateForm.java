package studio.imgen.generate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import studio.imgen.access.Choice;
import studio.imgen.admin.ShutdownNotice;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.OutputFormat;

/**
 * Everything the Generate view needs to offer exactly what the member may use: the role policy intersected with the
 * chosen model's capabilities, preselected from the workspace defaults, plus what would stop a submission now.
 *
 * @param blocked why the member cannot generate at all (no role, no models), shown instead of the form
 * @param waitUntil when the member's cooldown or quota allows the next generation
 * @param waitMessage the sentence for a wait on a quota or budget; empty during a cooldown, which views count down
 *     to {@code waitUntil} instead
 * @param limits the member's limits in words ("12 of 50 today", "$3.10 of $20.00 this month"), empty when open
 * @param customSizeMaxPixels besides the listed sizes, custom sizes up to this many pixels on the selected model
 *     ("Custom…" in the size picker); 0: none
 * @param shutdownNotices for workspace admins: the models this workspace uses that shut down soon
 */
public record GenerateForm(boolean keyConfigured, boolean workspaceAdmin, Optional<String> blocked,
                           List<ModelOption> models, String model, List<Choice> sizes, String size,
                           List<Choice> qualities, String quality, OutputFormat outputFormat, Background background,
                           Optional<Instant> waitUntil, Optional<String> waitMessage, List<String> limits,
                           long customSizeMaxPixels, List<ShutdownNotice> shutdownNotices) {

    /** A model the member may pick, with what it can do and any retirement warning. */
    public record ModelOption(String id, String label, Optional<String> warning, boolean supportsTransparent,
                              int maxReferenceImages, boolean supportsInputFidelity, int maxImages) {
    }

    public Optional<ModelOption> selectedModel() {
        return models.stream().filter(m -> m.id().equals(model)).findFirst();
    }
}
