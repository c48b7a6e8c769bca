package studio.imgen.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import studio.imgen.catalog.ImageModel;

/**
 * A model this workspace uses that shuts down within {@value ModelShutdowns#NOTICE_DAYS} days (or already has, with
 * nothing that could replace it): what uses it and what replaces it.
 *
 * @param usedBy what uses it, e.g. "the workspace default model", "the rule of the Designers role"
 * @param replacementLabel empty when no offered model this workspace's key can use replaces it
 */
public record ShutdownNotice(String modelId, String modelLabel, LocalDate shutdownOn, long daysLeft,
                             List<String> usedBy, Optional<String> replacementId, Optional<String> replacementLabel) {

    public ShutdownNotice {
        usedBy = List.copyOf(usedBy);
    }

    /** How close it is: 30 days ahead a notice, from 7 days a warning, from the last day urgent. */
    public enum Urgency { NOTICE, WARNING, URGENT }

    public Urgency urgency() {
        return daysLeft <= 1 ? Urgency.URGENT : daysLeft <= 7 ? Urgency.WARNING : Urgency.NOTICE;
    }

    /** The notice as admins read it on the settings overview. */
    public String sentence() {
        String when = daysLeft <= 0 ? " has shut down (" + ImageModel.day(shutdownOn) + ")"
                : " shuts down on " + ImageModel.day(shutdownOn) + (daysLeft == 1 ? " (tomorrow)" : " (in " + daysLeft
                + " days)");
        String what = modelLabel + " (" + modelId + ")" + when + ". Used by " + String.join(", ", usedBy) + ".";
        return what + replacementLabel.map(r -> " Its replacement is " + r + "; on the shutdown date ImGen Studio"
                + " switches to it by itself if nothing was done.")
                .orElse(" No model this workspace can use replaces it: choose another model for these before then.");
    }

    /** The one line Generate shows admins. */
    public String shortLine() {
        return modelLabel + (daysLeft <= 0 ? " has shut down" : " shuts down on " + ImageModel.day(shutdownOn))
                + ": used by " + String.join(", ", usedBy) + "."
                + replacementLabel.map(r -> " Replace it with " + r + " in Settings.").orElse("");
    }
}
