package studio.imgen.access;

import java.util.Objects;
import java.util.Set;
import studio.imgen.catalog.CustomSize;

/**
 * What a member may do right now (imgen-behaviour.md §3.1), recomputed at every check. An empty set means
 * the dimension is unrestricted; a union of restricted rules is never empty. Quotas and budget of 0 mean
 * unlimited. With restricted sizes, {@code customSizeMaxPixels} is the largest custom size (in pixels) a member
 * may ask for on a model that takes custom sizes; 0: none. With unrestricted sizes every size the model takes is
 * allowed.
 */
public record EffectiveLimits(Access access, int cooldownSeconds, Set<String> models, Set<String> sizes,
                              Set<String> qualities, int dailyQuota, int monthlyQuota, long monthlyBudgetMicros,
                              long customSizeMaxPixels) {

    public enum Access {
        /** The workspace has no rules: everyone may generate, without cooldown or restriction. */
        OPEN,
        /** Limits come from the rules of the roles the member holds. */
        BY_ROLE,
        /** The workspace has rules and the member holds none of their roles. */
        DENIED
    }

    public static final EffectiveLimits OPEN =
            new EffectiveLimits(Access.OPEN, 0, Set.of(), Set.of(), Set.of(), 0, 0, 0, 0);
    public static final EffectiveLimits DENIED =
            new EffectiveLimits(Access.DENIED, 0, Set.of(), Set.of(), Set.of(), 0, 0, 0, 0);

    public EffectiveLimits {
        Objects.requireNonNull(access, "access");
        models = Set.copyOf(models);
        sizes = Set.copyOf(sizes);
        qualities = Set.copyOf(qualities);
    }

    /** Limits without custom sizes. */
    public EffectiveLimits(Access access, int cooldownSeconds, Set<String> models, Set<String> sizes,
                           Set<String> qualities, int dailyQuota, int monthlyQuota, long monthlyBudgetMicros) {
        this(access, cooldownSeconds, models, sizes, qualities, dailyQuota, monthlyQuota, monthlyBudgetMicros, 0);
    }

    /** The largest custom size allowed, in pixels (0: none), on a model that takes custom sizes. */
    public long customSizeCap() {
        return sizesRestricted() ? Math.min(customSizeMaxPixels, CustomSize.MAX_PIXELS) : CustomSize.MAX_PIXELS;
    }

    public boolean denied() {
        return access == Access.DENIED;
    }

    public boolean modelsRestricted() {
        return !models.isEmpty();
    }

    public boolean sizesRestricted() {
        return !sizes.isEmpty();
    }

    public boolean qualitiesRestricted() {
        return !qualities.isEmpty();
    }
}
