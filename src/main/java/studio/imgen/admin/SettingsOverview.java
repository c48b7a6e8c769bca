package studio.imgen.admin;

import java.util.List;
import java.util.Optional;

/**
 * The workspace's settings at a glance (the equivalent of ImGen's {@code /imgen view}). Never holds the key:
 * only whether it is set and, when it is, "ends with …abcd · set by X on date".
 *
 * @param defaults one line per default, e.g. "Size: Auto"
 * @param adminExemption how admins are treated by cooldowns, as a sentence
 * @param logWebhook where generation logs are posted and how the last delivery went
 * @param access one line per role rule, or the single open-access line
 * @param quotaNotice that OpenAI reported the account out of credit, and when; empty once resolved
 * @param shutdowns models this workspace uses that shut down within 30 days, soonest first
 * @param unavailableModels models OpenAI answered "model not found" for with this workspace's key, as sentences
 * @param modelStatus what the key's model list says, e.g. "Read today at 09:00 UTC: the key can use 3 models."
 */
public record SettingsOverview(boolean keyConfigured, String keyLine, List<String> defaults, String adminExemption,
                               List<String> access, Optional<String> quotaNotice, String logWebhook,
                               List<ShutdownNotice> shutdowns, List<String> unavailableModels, String modelStatus) {

    public SettingsOverview {
        defaults = List.copyOf(defaults);
        access = List.copyOf(access);
        shutdowns = List.copyOf(shutdowns);
        unavailableModels = List.copyOf(unavailableModels);
    }
}
