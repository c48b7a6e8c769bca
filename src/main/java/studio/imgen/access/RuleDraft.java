package studio.imgen.access;

import java.util.Set;
import java.util.UUID;

/**
 * The role access form as submitted (imgen-behaviour.md §6), before {@link RuleNormaliser} checks it. Texts
 * are raw field values. A selection containing {@link #ALL}, an empty selection and a selection of every
 * concrete value all mean "unrestricted". Blank quota and budget fields mean unlimited.
 *
 * @param roleId the selected role, null if none was selected
 * @param monthlyBudget dollars, e.g. "20" or "$12.50"
 * @param customSizeMax the largest custom size allowed besides the listed sizes: a pixel count ("3686400") or a size
 *     ("2560x1440"); blank for none
 */
public record RuleDraft(UUID roleId, String roleName, String cooldown, Set<String> models, Set<String> sizes,
                        Set<String> qualities, String dailyQuota, String monthlyQuota, String monthlyBudget,
                        String customSizeMax) {

    /** A draft without custom sizes. */
    public RuleDraft(UUID roleId, String roleName, String cooldown, Set<String> models, Set<String> sizes,
                     Set<String> qualities, String dailyQuota, String monthlyQuota, String monthlyBudget) {
        this(roleId, roleName, cooldown, models, sizes, qualities, dailyQuota, monthlyQuota, monthlyBudget, null);
    }

    /** The explicit "All" entry of the model, size and quality multi-selects. */
    public static final String ALL = "all";
}
