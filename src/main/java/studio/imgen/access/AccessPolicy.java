package studio.imgen.access;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import studio.imgen.access.EffectiveLimits.Access;
import studio.imgen.access.Refusal.Reason;
import studio.imgen.catalog.CustomSize;
import studio.imgen.base.Countdown;
import studio.imgen.catalog.Money;

/**
 * Role-based access to image generation (imgen-behaviour.md §3): effective limits, option lists, request
 * resolution and the permission/cooldown/quota/budget check. Pure functions of their arguments: the caller
 * loads the current rules, roles and usage at every check, so changes apply at once.
 */
public final class AccessPolicy {

    private static final String NO_ROLE = "You don't have a role that allows image generation.";
    private static final String NO_MODELS =
            "No models are available for your roles. Ask an admin to configure access.";
    private static final String NO_SIZES =
            "No sizes are available for your roles. Ask an admin to configure access.";
    private static final String NO_QUALITIES =
            "No quality options are available for your roles. Ask an admin to configure access.";
    private static final DateTimeFormatter DAY_MONTH =
            DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Dimension SIZE = new Dimension(
            Reason.INVALID_SIZE, "Invalid size selection.",
            Reason.SIZE_NOT_ALLOWED, "That size is not available for your role.",
            Reason.SIZE_NOT_SUPPORTED, "That size is not supported by %s.");
    private static final Dimension QUALITY = new Dimension(
            Reason.INVALID_QUALITY, "Invalid quality selection.",
            Reason.QUALITY_NOT_ALLOWED, "That quality setting is not available for your role.",
            Reason.QUALITY_NOT_SUPPORTED, "That quality setting is not supported by %s.");

    private AccessPolicy() {
    }

    /** Effective limits without any cooldown exemption (§3.1). */
    public static EffectiveLimits limits(List<RoleRule> workspaceRules, Set<UUID> heldRoleIds) {
        return limits(workspaceRules, heldRoleIds, false);
    }

    /**
     * Effective limits (§3.1) plus quotas and budget, each resolved to the most generous applicable rule.
     *
     * @param exemptFromCooldown the workspace exempts this member (an admin, by default) from cooldowns; it
     *     grants no access and no quota or budget
     */
    public static EffectiveLimits limits(List<RoleRule> workspaceRules, Set<UUID> heldRoleIds,
                                         boolean exemptFromCooldown) {
        if (workspaceRules.isEmpty()) {
            return EffectiveLimits.OPEN;
        }
        List<RoleRule> applicable = workspaceRules.stream().filter(r -> heldRoleIds.contains(r.roleId())).toList();
        if (applicable.isEmpty()) {
            return EffectiveLimits.DENIED;
        }
        int cooldown = exemptFromCooldown ? 0
                : applicable.stream().mapToInt(RoleRule::cooldownSeconds).min().orElseThrow();
        return new EffectiveLimits(Access.BY_ROLE, cooldown,
                union(applicable, RoleRule::models),
                union(applicable, RoleRule::sizes),
                union(applicable, RoleRule::qualities),
                (int) mostGenerous(applicable, RoleRule::dailyQuota),
                (int) mostGenerous(applicable, RoleRule::monthlyQuota),
                mostGenerous(applicable, RoleRule::monthlyBudgetMicros),
                // 0 means none here, so the largest cap wins.
                applicable.stream().mapToLong(RoleRule::customSizeMaxPixels).max().orElseThrow());
    }

    /**
     * The pickers' lists (§3.3), intersected with the chosen model's capabilities.
     *
     * @param chosenModelId the model picked so far, or null before one is picked (no capability filter)
     */
    public static Outcome<AllowedOptions> options(EffectiveLimits limits, OptionCatalog catalogue,
                                                  String chosenModelId) {
        if (limits.denied()) {
            return Outcome.refused(Refusal.of(Reason.NO_ROLE, NO_ROLE));
        }
        List<ModelChoice> models = allowedModels(limits, catalogue);
        if (models.isEmpty()) {
            return Outcome.refused(Refusal.of(Reason.NO_MODELS, NO_MODELS));
        }
        Optional<ModelChoice> chosen = Optional.ofNullable(chosenModelId).map(id -> catalogue.model(id)
                .orElseThrow(() -> new IllegalArgumentException("not an offered model: " + id)));
        Predicate<String> sizeSupported = v -> chosen.map(m -> m.supportsSize(v)).orElse(true);
        Predicate<String> qualitySupported = v -> chosen.map(m -> m.supportsQuality(v)).orElse(true);
        return emptyDimension(limits, catalogue, sizeSupported, qualitySupported)
                .map(Outcome::<AllowedOptions>refused)
                .orElseGet(() -> Outcome.allowed(new AllowedOptions(models,
                        allowed(catalogue.sizes(), limits.sizes(), sizeSupported),
                        allowed(catalogue.qualities(), limits.qualities(), qualitySupported),
                        chosen.filter(ModelChoice::customSizes).map(m -> limits.customSizeCap()).orElse(0L))));
    }

    /**
     * Resolves a request's model, size and quality (§3.4). Omitted values take the workspace defaults; a default
     * the member may not use (or that is no longer offered) silently becomes the first allowed value. An
     * explicit {@code auto} in a restricted dimension does the same. Everything else that is not allowed is
     * refused. Calling it with {@link RequestedOptions#OMITTED} (or only the picked model) gives the form's
     * preselection.
     */
    public static Outcome<ResolvedOptions> resolve(EffectiveLimits limits, OptionCatalog catalogue,
                                                   WorkspaceDefaults defaults, RequestedOptions request) {
        if (limits.denied()) {
            return Outcome.refused(Refusal.of(Reason.NO_ROLE, NO_ROLE));
        }
        List<ModelChoice> models = allowedModels(limits, catalogue);
        if (models.isEmpty()) {
            return Outcome.refused(Refusal.of(Reason.NO_MODELS, NO_MODELS));
        }
        ModelChoice model;
        if (Choices.omitted(request.model())) {
            model = Optional.ofNullable(defaults.model()).flatMap(d -> Choices.matchModel(models, d))
                    .orElse(models.get(0));
        } else {
            Optional<ModelChoice> named = Choices.matchModel(catalogue.models(), request.model());
            if (named.isEmpty()) {
                return Outcome.refused(Refusal.of(Reason.INVALID_MODEL, "Invalid model selection."));
            }
            if (!models.contains(named.get())) {
                return Outcome.refused(Refusal.of(Reason.MODEL_NOT_ALLOWED,
                        "That model is not available for your role."));
            }
            model = named.get();
        }
        Optional<Refusal> empty = emptyDimension(limits, catalogue, model::supportsSize, model::supportsQuality);
        if (empty.isPresent()) {
            return Outcome.refused(empty.get());
        }
        Outcome<Choice> size = customSize(limits, catalogue.sizes(), model, request.size())
                .orElseGet(() -> resolveDimension(SIZE, catalogue.sizes(), limits.sizes(), model::supportsSize,
                        model.label(), defaults.size(), request.size()));
        if (size instanceof Outcome.Refused<Choice> refused) {
            return Outcome.refused(refused.refusal());
        }
        Outcome<Choice> quality = resolveDimension(QUALITY, catalogue.qualities(), limits.qualities(),
                model::supportsQuality, model.label(), defaults.quality(), request.quality());
        if (quality instanceof Outcome.Refused<Choice> refused) {
            return Outcome.refused(refused.refusal());
        }
        return Outcome.allowed(new ResolvedOptions(model, size.orElseThrow(), quality.orElseThrow()));
    }

    /**
     * A {@code WIDTHxHEIGHT} request decided by the custom-size rules: one outside the canonical list, or a listed one
     * the member's size list lacks but their custom-size cap covers. Empty: the listed-size rules decide.
     */
    private static Optional<Outcome<Choice>> customSize(EffectiveLimits limits, List<Choice> canonical,
                                                        ModelChoice model, String requested) {
        Optional<CustomSize> parsed = Choices.omitted(requested) ? Optional.empty() : CustomSize.parse(requested);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CustomSize size = parsed.get();
        long cap = model.customSizes() ? limits.customSizeCap() : 0;
        if (Choices.match(canonical, size.value()).isPresent()) {
            boolean coveredByCap = limits.sizesRestricted() && !limits.sizes().contains(size.value())
                    && size.problem().isEmpty() && size.pixels() <= cap;
            return coveredByCap ? Optional.of(Outcome.allowed(custom(size))) : Optional.empty();
        }
        if (!model.customSizes()) {
            return Optional.empty();
        }
        Optional<String> problem = size.problem();
        if (problem.isPresent()) {
            return Optional.of(Outcome.refused(Refusal.of(Reason.INVALID_SIZE, problem.get())));
        }
        if (cap == 0) {
            return Optional.of(Outcome.refused(Refusal.of(Reason.SIZE_NOT_ALLOWED,
                    "Custom sizes are not available for your role. Choose one of the listed sizes.")));
        }
        if (size.pixels() > cap) {
            return Optional.of(Outcome.refused(Refusal.of(Reason.SIZE_NOT_ALLOWED, "Your role allows custom sizes up to "
                    + CustomSize.pixels(cap) + " pixels; " + size.value() + " has " + CustomSize.pixels(size.pixels())
                    + ".")));
        }
        return Optional.of(Outcome.allowed(custom(size)));
    }

    /** A custom size as pickers and chips show it. */
    public static Choice custom(CustomSize size) {
        return new Choice(size.value(), size.value() + (size.experimental() ? " (custom, experimental)" : " (custom)"));
    }

    /**
     * The permission, cooldown, quota and budget check (§3.2, §3.6) in that order, against the member's usage
     * as last stored. It runs before the atomic admission, which re-checks the cooldown in SQL.
     *
     * @return empty when the member may generate now
     */
    public static Optional<Refusal> check(EffectiveLimits limits, UsageSnapshot usage, Instant now) {
        if (limits.denied()) {
            return Optional.of(Refusal.of(Reason.NO_ROLE, NO_ROLE));
        }
        if (limits.cooldownSeconds() > 0 && usage.lastCountedAt() != null) {
            Instant retryAt = usage.lastCountedAt().plusSeconds(limits.cooldownSeconds());
            if (now.isBefore(retryAt)) {
                return Optional.of(Refusal.until(Reason.COOLDOWN,
                        "You're on cooldown. Try again in " + Countdown.of(Duration.between(now, retryAt)) + ".",
                        retryAt));
            }
        }
        UsageSnapshot current = usage.asOf(now);
        if (limits.dailyQuota() > 0 && current.generationsToday() >= limits.dailyQuota()) {
            Instant reset = UsagePeriods.startOfNextDay(now);
            return Optional.of(Refusal.until(Reason.DAILY_QUOTA, "You've used all " + limits.dailyQuota()
                    + " of your daily generations. Resets " + RelativeTime.in(Duration.between(now, reset)) + ".",
                    reset));
        }
        if (limits.monthlyQuota() > 0 && current.generationsThisMonth() >= limits.monthlyQuota()) {
            Instant reset = UsagePeriods.startOfNextMonth(now);
            return Optional.of(Refusal.until(Reason.MONTHLY_QUOTA, "You've used all " + limits.monthlyQuota()
                    + " of your monthly generations. Resets " + RelativeTime.in(Duration.between(now, reset)) + ".",
                    reset));
        }
        if (limits.monthlyBudgetMicros() > 0 && current.spentThisMonthMicros() >= limits.monthlyBudgetMicros()) {
            Instant reset = UsagePeriods.startOfNextMonth(now);
            return Optional.of(Refusal.until(Reason.MONTHLY_BUDGET, "Your role's monthly budget of "
                    + Money.format(limits.monthlyBudgetMicros()) + " is used up ("
                    + Money.format(current.spentThisMonthMicros()) + " spent). Resets on "
                    + DAY_MONTH.format(reset) + ".", reset));
        }
        return Optional.empty();
    }

    private static Set<String> union(List<RoleRule> rules, Function<RoleRule, Set<String>> dimension) {
        // Any unrestricted (empty) rule makes the whole dimension unrestricted.
        if (rules.stream().anyMatch(r -> dimension.apply(r).isEmpty())) {
            return Set.of();
        }
        Set<String> union = new HashSet<>();
        rules.forEach(r -> union.addAll(dimension.apply(r)));
        return union;
    }

    private static long mostGenerous(List<RoleRule> rules, ToLongFunction<RoleRule> limit) {
        // 0 means unlimited, so one unlimited rule wins; otherwise the largest limit applies.
        if (rules.stream().anyMatch(r -> limit.applyAsLong(r) == 0)) {
            return 0;
        }
        return rules.stream().mapToLong(limit).max().orElseThrow();
    }

    private static List<ModelChoice> allowedModels(EffectiveLimits limits, OptionCatalog catalogue) {
        return catalogue.models().stream()
                .filter(m -> !limits.modelsRestricted() || limits.models().contains(m.id()))
                .toList();
    }

    /** The refusal for an empty size or quality list, if any (only a restricted dimension can be empty). */
    private static Optional<Refusal> emptyDimension(EffectiveLimits limits, OptionCatalog catalogue,
                                                    Predicate<String> sizeSupported,
                                                    Predicate<String> qualitySupported) {
        if (allowed(catalogue.sizes(), limits.sizes(), sizeSupported).isEmpty()) {
            return Optional.of(Refusal.of(Reason.NO_SIZES, NO_SIZES));
        }
        if (allowed(catalogue.qualities(), limits.qualities(), qualitySupported).isEmpty()) {
            return Optional.of(Refusal.of(Reason.NO_QUALITIES, NO_QUALITIES));
        }
        return Optional.empty();
    }

    /** Canonical order filtered to the role set and the model; {@code auto} only in an unrestricted dimension. */
    private static List<Choice> allowed(List<Choice> canonical, Set<String> roleSet, Predicate<String> supported) {
        boolean restricted = !roleSet.isEmpty();
        return canonical.stream().filter(c -> c.value().equals(OptionCatalog.AUTO)
                ? !restricted
                : (!restricted || roleSet.contains(c.value())) && supported.test(c.value())).toList();
    }

    private static Outcome<Choice> resolveDimension(Dimension dim, List<Choice> canonical, Set<String> roleSet,
                                                    Predicate<String> supported, String modelLabel,
                                                    String defaultValue, String requested) {
        boolean restricted = !roleSet.isEmpty();
        List<Choice> allowed = allowed(canonical, roleSet, supported);
        Choice fallback = Choices.match(allowed, defaultValue).orElse(allowed.get(0));
        if (Choices.omitted(requested)) {
            return Outcome.allowed(fallback);
        }
        Optional<Choice> named = Choices.match(canonical, requested);
        if (named.isEmpty()) {
            return Outcome.refused(Refusal.of(dim.invalid(), dim.invalidMessage()));
        }
        Choice value = named.get();
        if (value.value().equals(OptionCatalog.AUTO)) {
            // Explicit auto is never an error: a restricted dimension silently uses its fallback.
            return Outcome.allowed(restricted ? fallback : value);
        }
        if (restricted && !roleSet.contains(value.value())) {
            return Outcome.refused(Refusal.of(dim.notAllowed(), dim.notAllowedMessage()));
        }
        if (!supported.test(value.value())) {
            return Outcome.refused(Refusal.of(dim.notSupported(), dim.notSupportedMessage().formatted(modelLabel)));
        }
        return Outcome.allowed(value);
    }

    private record Dimension(Reason invalid, String invalidMessage, Reason notAllowed, String notAllowedMessage,
                             Reason notSupported, String notSupportedMessage) {
    }
}
