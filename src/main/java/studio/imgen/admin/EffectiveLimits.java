package studio.imgen.admin;

import java.util.Objects;
import java.util.Set;

/**
 * What a member may do right now (imgen-behaviour.md §3.1), recomputed at every check. An empty set means
 * the dimension is unrestricted; a union of restricted rules is never empty. Quotas and budget of 0 mean
 * unlimited.
 */
public record EffectiveLimits(Access access, int cooldownSeconds, Set<String> models, Set<String> sizes,
                              Set<String> qualities, int dailyQuota, int monthlyQuota, long monthlyBudgetMicros) {

    public enum Access {
        /** The workspace has no rules: everyone may generate, without cooldown or restriction. */
        OPEN,
        /** Limits come from the rules of the roles the member holds. */
        BY_ROLE,
        /** The workspace has rules and the member holds none of their roles. */
        DENIED
    }

    public static final EffectiveLimits OPEN =
            new EffectiveLimits(Access.OPEN, 0, Set.of(), Set.of(), Set.of(), 0, 0, 0);
    public static final EffectiveLimits DENIED =
            new EffectiveLimits(Access.DENIED, 0, Set.of(), Set.of(), Set.of(), 0, 0, 0);

    public EffectiveLimits {
        Objects.requireNonNull(access, "access");
        models = Set.copyOf(models);
        sizes = Set.copyOf(sizes);
        qualities = Set.copyOf(qualities);
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
