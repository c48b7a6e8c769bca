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
 */
public record SettingsOverview(boolean keyConfigured, String keyLine, List<String> defaults, String adminExemption,
                               List<String> access, Optional<String> quotaNotice, String logWebhook) {

    public SettingsOverview {
        defaults = List.copyOf(defaults);
        access = List.copyOf(access);
    }
}
