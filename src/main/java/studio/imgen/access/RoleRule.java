package studio.imgen.access;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import studio.imgen.catalog.CustomSize;

/**
 * The access rule of one workspace role (at most one per role). An empty set means the dimension is
 * unrestricted ({@code auto} allowed); a quota or budget of 0 means unlimited. Sets never hold {@code auto}
 * or every concrete value: {@link RuleNormaliser} stores such selections as empty.
 *
 * @param cooldownSeconds 0 to {@value #MAX_COOLDOWN_SECONDS}; 0 means no cooldown
 * @param dailyQuota generations per UTC day
 * @param monthlyQuota generations per UTC calendar month
 * @param monthlyBudgetMicros spend per UTC calendar month in micro-dollars
 * @param customSizeMaxPixels besides the listed sizes, custom sizes up to this many pixels on models that take them;
 *     0: none. Irrelevant when sizes are unrestricted (every size the model takes is allowed then).
 */
public record RoleRule(UUID roleId, String roleName, int cooldownSeconds, Set<String> models, Set<String> sizes,
                       Set<String> qualities, int dailyQuota, int monthlyQuota, long monthlyBudgetMicros,
                       long customSizeMaxPixels) {

    public static final int MAX_COOLDOWN_SECONDS = 999_999;
    public static final int DEFAULT_COOLDOWN_SECONDS = 60;

    public RoleRule {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(roleName, "roleName");
        if (cooldownSeconds < 0 || cooldownSeconds > MAX_COOLDOWN_SECONDS) {
            throw new IllegalArgumentException("cooldown out of range: " + cooldownSeconds);
        }
        if (dailyQuota < 0 || monthlyQuota < 0 || monthlyBudgetMicros < 0) {
            throw new IllegalArgumentException("quotas and budget must not be negative");
        }
        if (customSizeMaxPixels < 0 || customSizeMaxPixels > CustomSize.MAX_PIXELS) {
            throw new IllegalArgumentException("custom size cap out of range: " + customSizeMaxPixels);
        }
        models = Set.copyOf(models);
        sizes = Set.copyOf(sizes);
        qualities = Set.copyOf(qualities);
    }

    /** A rule without custom sizes. */
    public RoleRule(UUID roleId, String roleName, int cooldownSeconds, Set<String> models, Set<String> sizes,
                    Set<String> qualities, int dailyQuota, int monthlyQuota, long monthlyBudgetMicros) {
        this(roleId, roleName, cooldownSeconds, models, sizes, qualities, dailyQuota, monthlyQuota,
                monthlyBudgetMicros, 0);
    }

    /** The same rule allowing other models (a shut-down model replaced). */
    public RoleRule withModels(Set<String> replaced) {
        return new RoleRule(roleId, roleName, cooldownSeconds, replaced, sizes, qualities, dailyQuota, monthlyQuota,
                monthlyBudgetMicros, customSizeMaxPixels);
    }

    /** A rule with cooldown and allow-lists only (no quotas, no budget), as in ImGen. */
    public static RoleRule of(UUID roleId, String roleName, int cooldownSeconds, Set<String> models,
                              Set<String> sizes, Set<String> qualities) {
        return new RoleRule(roleId, roleName, cooldownSeconds, models, sizes, qualities, 0, 0, 0);
    }
}
