package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access-related acceptance scenarios of imgen-behaviour.md §9, one row each, named after the scenario
 * number, plus the quota and budget rows of Studio. Each row renders the policy's output as text and
 * compares it with the exact expected text, messages included.
 */
class AccessPolicyTest {

    static final UUID DESIGNERS = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final UUID MARKETING = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID ROLE_A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID ROLE_B = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID QUICK = UUID.fromString("00000000-0000-0000-0000-000000000030");

    static final ModelChoice GPT_15 = ModelChoice.of("gpt-image-1.5", "GPT Image 1.5");
    static final ModelChoice MINI = ModelChoice.of("gpt-image-1-mini", "GPT Image 1 Mini");
    static final OptionCatalog CATALOGUE = OptionCatalog.of(List.of(GPT_15, MINI));
    static final WorkspaceDefaults DEFAULTS = new WorkspaceDefaults("gpt-image-1.5", "auto", "auto");

    /** Ana's last admission in most rows: 2026-11-22 10:00:00 UTC. */
    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name, Supplier<String> actual, String expected) {
        assertThat(actual.get()).isEqualTo(expected);
    }

    static Stream<Arguments> scenarios() {
        List<RoleRule> designersAndMarketing = List.of(
                rule(DESIGNERS, "Designers", 300), rule(MARKETING, "Marketing", 60));
        return Stream.of(
                // 1. Open access
                row("1 open access: no rules means OPEN", () -> limits(List.of(), Set.of()),
                        "OPEN cooldown=0 models=* sizes=* qualities=* daily=0 monthly=0 budget=0"),
                row("1 open access: second generation right after the first is admitted",
                        () -> check(AccessPolicy.limits(List.of(), Set.of()), UsageSnapshot.NONE.admitted(T), T),
                        "admitted"),

                // 2./3. No matching role: the view, a direct request and the Edit button all refuse
                row("2 no matching role: limits are DENIED", () -> limits(designersAndMarketing, Set.of()),
                        "DENIED cooldown=0 models=* sizes=* qualities=* daily=0 monthly=0 budget=0"),
                row("2 no matching role: direct request is denied",
                        () -> check(AccessPolicy.limits(designersAndMarketing, Set.of(ROLE_A)), UsageSnapshot.NONE, T),
                        "NO_ROLE: You don't have a role that allows image generation."),
                row("2 no matching role: resolution is denied too",
                        () -> resolve(AccessPolicy.limits(designersAndMarketing, Set.of()), DEFAULTS,
                                RequestedOptions.OMITTED),
                        "NO_ROLE: You don't have a role that allows image generation."),
                row("3 denied before the form: no options, same message",
                        () -> options(AccessPolicy.limits(designersAndMarketing, Set.of()), null),
                        "NO_ROLE: You don't have a role that allows image generation."),

                // 4. Shortest cooldown wins
                row("4 shortest cooldown wins: effective cooldown is 60 s",
                        () -> limits(designersAndMarketing, Set.of(DESIGNERS, MARKETING)),
                        "BY_ROLE cooldown=60 models=* sizes=* qualities=* daily=0 monthly=0 budget=0"),
                row("4 shortest cooldown wins: T+30 s is denied with retry T+60 s",
                        () -> check(AccessPolicy.limits(designersAndMarketing, Set.of(DESIGNERS, MARKETING)),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(30)),
                        "COOLDOWN: You're on cooldown. Try again in 0:30. | retry 2026-11-22T10:01:00Z"),
                row("4 shortest cooldown wins: T+60 s exactly is admitted",
                        () -> check(AccessPolicy.limits(designersAndMarketing, Set.of(DESIGNERS, MARKETING)),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(60)),
                        "admitted"),
                row("4 shortest cooldown wins: T+61 s is admitted",
                        () -> check(AccessPolicy.limits(designersAndMarketing, Set.of(DESIGNERS, MARKETING)),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(61)),
                        "admitted"),

                // 5. Zero cooldown dominates
                row("5 zero cooldown dominates: second generation at the same instant is admitted",
                        () -> check(AccessPolicy.limits(List.of(rule(ROLE_A, "A", 0), rule(ROLE_B, "B", 120)),
                                Set.of(ROLE_A, ROLE_B)), UsageSnapshot.NONE.admitted(T), T),
                        "admitted"),

                // 8. Cooldown scope: another workspace has its own rules and usage
                row("8 cooldown scope: in Acme within 60 s every path is denied",
                        () -> check(AccessPolicy.limits(List.of(rule(DESIGNERS, "Designers", 60)), Set.of(DESIGNERS)),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(10)),
                        "COOLDOWN: You're on cooldown. Try again in 0:50. | retry 2026-11-22T10:01:00Z"),
                row("8 cooldown scope: workspace Beta (no rules, own usage) admits",
                        () -> check(AccessPolicy.limits(List.of(), Set.of()), UsageSnapshot.NONE, T.plusSeconds(10)),
                        "admitted"),

                // 9. Role change applies at once
                row("9 role change: 40 s into a 300 s cooldown is denied",
                        () -> check(AccessPolicy.limits(designersAndMarketing, Set.of(DESIGNERS)),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(40)),
                        "COOLDOWN: You're on cooldown. Try again in 4:20. | retry 2026-11-22T10:05:00Z"),
                row("9 role change: after Dana adds a 30 s role the next submission is admitted",
                        () -> check(AccessPolicy.limits(List.of(rule(DESIGNERS, "Designers", 300), rule(QUICK, "Quick", 30)),
                                Set.of(DESIGNERS, QUICK)), UsageSnapshot.NONE.admitted(T), T.plusSeconds(40)),
                        "admitted"),

                // 10.-12. Option lists
                row("10 union across roles: exactly 1024x1024 and 1536x1024, no Auto",
                        () -> options(heldAandB(sizes(ROLE_A, "1024x1024"), sizes(ROLE_B, "1536x1024")), null),
                        "models [gpt-image-1.5, gpt-image-1-mini] | sizes [1024x1024, 1536x1024]"
                                + " | qualities [auto, low, medium, high]"),
                row("11 unrestricted role wins: Auto and all three sizes",
                        () -> options(heldAandB(sizes(ROLE_A, "1024x1024"), rule(ROLE_B, "B", 60)), null),
                        "models [gpt-image-1.5, gpt-image-1-mini] | sizes [auto, 1024x1024, 1536x1024, 1024x1536]"
                                + " | qualities [auto, low, medium, high]"),
                row("12 independent dimensions: every model, qualities exactly Low and High",
                        () -> options(heldAandB(
                                RoleRule.of(ROLE_A, "A", 60, Set.of("gpt-image-1.5"), Set.of(), Set.of("low")),
                                RoleRule.of(ROLE_B, "B", 60, Set.of(), Set.of(), Set.of("high"))), null),
                        "models [gpt-image-1.5, gpt-image-1-mini] | sizes [auto, 1024x1024, 1536x1024, 1024x1536]"
                                + " | qualities [low, high]"),
                row("12 independent dimensions: labels are the catalogue's",
                        () -> labels(heldAandB(
                                RoleRule.of(ROLE_A, "A", 60, Set.of("gpt-image-1.5"), Set.of(), Set.of("low")),
                                RoleRule.of(ROLE_B, "B", 60, Set.of(), Set.of(), Set.of("high")))),
                        "GPT Image 1.5, GPT Image 1 Mini | Auto, 1024x1024 (Square), 1536x1024 (Landscape),"
                                + " 1024x1536 (Portrait) | Low, High"),

                // 13.-17. Resolution
                row("13 explicit auto, first allowed: auto becomes 1536x1024 without error",
                        () -> resolve(only(sizes(ROLE_A, "1536x1024", "1024x1536")), DEFAULTS, request(null, "auto", null)),
                        "gpt-image-1.5 / 1536x1024 / auto"),
                row("14 explicit auto, allowed default: auto becomes the default high",
                        () -> resolve(only(qualities(ROLE_A, "medium", "high")),
                                new WorkspaceDefaults("gpt-image-1.5", "auto", "high"), request(null, null, "auto")),
                        "gpt-image-1.5 / auto / high"),
                row("15 explicitly disallowed size",
                        () -> resolve(only(sizes(ROLE_A, "1024x1024")), DEFAULTS, request(null, "1536x1024", null)),
                        "SIZE_NOT_ALLOWED: That size is not available for your role."),
                row("15 explicitly disallowed quality",
                        () -> resolve(only(qualities(ROLE_A, "low")), DEFAULTS, request(null, null, "high")),
                        "QUALITY_NOT_ALLOWED: That quality setting is not available for your role."),
                row("15 explicitly disallowed model",
                        () -> resolve(only(models(ROLE_A, "gpt-image-1-mini")), DEFAULTS,
                                request("gpt-image-1.5", null, null)),
                        "MODEL_NOT_ALLOWED: That model is not available for your role."),
                row("16 omitted model falls back to the only allowed model",
                        () -> resolve(only(models(ROLE_A, "gpt-image-1-mini")), DEFAULTS, RequestedOptions.OMITTED),
                        "gpt-image-1-mini / auto / auto"),
                row("17 defaults apply when omitted: no rules, default size 1024x1536",
                        () -> resolve(EffectiveLimits.OPEN, new WorkspaceDefaults("gpt-image-1.5", "1024x1536", "auto"),
                                RequestedOptions.OMITTED),
                        "gpt-image-1.5 / 1024x1536 / auto"),
                row("17 defaults apply when omitted: disallowed default 1024x1024 becomes 1536x1024",
                        () -> resolve(only(sizes(ROLE_A, "1536x1024")),
                                new WorkspaceDefaults("gpt-image-1.5", "1024x1024", "auto"), RequestedOptions.OMITTED),
                        "gpt-image-1.5 / 1536x1024 / auto"),

                // 18. Empty allowed set
                row("18 empty allowed set: rule names only models that left the catalogue",
                        () -> options(only(models(ROLE_A, "gpt-image-1", "dall-e-3")), null),
                        "NO_MODELS: No models are available for your roles. Ask an admin to configure access."),
                row("18 empty allowed set: submitting is refused the same way",
                        () -> resolve(only(models(ROLE_A, "gpt-image-1")), DEFAULTS, RequestedOptions.OMITTED),
                        "NO_MODELS: No models are available for your roles. Ask an admin to configure access."),
                row("18 empty allowed set: sizes",
                        () -> options(only(sizes(ROLE_A, "512x512")), null),
                        "NO_SIZES: No sizes are available for your roles. Ask an admin to configure access."),
                row("18 empty allowed set: qualities",
                        () -> options(only(qualities(ROLE_A, "ultra")), null),
                        "NO_QUALITIES: No quality options are available for your roles."
                                + " Ask an admin to configure access."),

                // 19. Invalid and label values
                row("19 invalid size 512x512",
                        () -> resolve(EffectiveLimits.OPEN, DEFAULTS, request(null, "512x512", null)),
                        "INVALID_SIZE: Invalid size selection."),
                row("19 invalid model dall-e-3",
                        () -> resolve(EffectiveLimits.OPEN, DEFAULTS, request("dall-e-3", null, null)),
                        "INVALID_MODEL: Invalid model selection."),
                row("19 invalid quality ultra",
                        () -> resolve(EffectiveLimits.OPEN, DEFAULTS, request(null, null, "ultra")),
                        "INVALID_QUALITY: Invalid quality selection."),
                row("19 labels accepted: High, 1024x1024 (Square), GPT Image 1.5",
                        () -> resolve(EffectiveLimits.OPEN, new WorkspaceDefaults("gpt-image-1-mini", "auto", "auto"),
                                request("GPT Image 1.5", "1024x1024 (Square)", "High")),
                        "gpt-image-1.5 / 1024x1024 / high"),
                row("19 values are trimmed and matched case-insensitively",
                        () -> resolve(EffectiveLimits.OPEN, DEFAULTS, request("  GPT-IMAGE-1-MINI ", " 1536X1024", "LOW ")),
                        "gpt-image-1-mini / 1536x1024 / low"),

                // 20. Clear all rules
                row("20 clear all rules: message",
                        () -> RuleChanges.clear(designersAndMarketing).message(),
                        "All role restrictions cleared. Image generation is now open to everyone."),
                row("20 clear all rules: Ben can now generate",
                        () -> check(AccessPolicy.limits(RuleChanges.clear(designersAndMarketing).rules(), Set.of()),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(1)),
                        "admitted"),
                row("20 clear all rules again: nothing to clear",
                        () -> RuleChanges.clear(RuleChanges.clear(designersAndMarketing).rules()).message(),
                        "No role restrictions are currently configured."),

                // 24. Rule form validation and upsert
                row("24 rule validation: cooldown -5", () -> normalise("-5", Set.of()),
                        "error: Cooldown must be 0 or greater."),
                row("24 rule validation: cooldown abc", () -> normalise("abc", Set.of()),
                        "error: Cooldown must be a number."),
                row("24 rule validation: all three concrete sizes are listed as all sizes",
                        () -> RuleSummary.describe(RuleNormaliser.normalise(
                                designersDraft("60", Set.of("1024x1024", "1536x1024", "1024x1536")), CATALOGUE),
                                Map.of()),
                        "Designers: 60s cooldown · Models: All models · Sizes: All sizes (auto allowed)"
                                + " · Qualities: All qualities (auto allowed)"),
                row("24 rule upsert: saving Designers again with 10 s replaces the rule",
                        () -> {
                            RoleRule first = RuleNormaliser.normalise(designersDraft("60", Set.of()), CATALOGUE);
                            RoleRule second = RuleNormaliser.normalise(designersDraft("10", Set.of()), CATALOGUE);
                            RuleChange change = RuleChanges.upsert(RuleChanges.upsert(List.of(first), first).rules(), second);
                            return change.message() + " | " + change.rules().size() + " rule, cooldown "
                                    + change.rules().get(0).cooldownSeconds();
                        },
                        "Updated access for Designers. | 1 rule, cooldown 10"),
                row("24 rule removal: Marketing has no rule",
                        () -> error(() -> RuleChanges.remove(List.of(rule(DESIGNERS, "Designers", 60)), MARKETING,
                                "Marketing")),
                        "error: That role is not configured."),

                // 26. and 28. Defaults
                row("26 later submissions without a model use the new default model",
                        () -> resolve(EffectiveLimits.OPEN, new WorkspaceDefaults("gpt-image-1-mini", "auto", "auto"),
                                RequestedOptions.OMITTED),
                        "gpt-image-1-mini / auto / auto"),
                row("28 generate with the defaults: default model, size auto, quality auto",
                        () -> resolve(EffectiveLimits.OPEN, DEFAULTS, RequestedOptions.OMITTED),
                        "gpt-image-1.5 / auto / auto"),

                // 38. and 39. Edit action
                row("38 edit form preselects allowed values (default if allowed, else first allowed)",
                        () -> resolve(only(RoleRule.of(ROLE_A, "A", 60, Set.of("gpt-image-1-mini"),
                                Set.of("1536x1024", "1024x1536"), Set.of("medium", "high"))),
                                DEFAULTS, RequestedOptions.OMITTED),
                        "gpt-image-1-mini / 1536x1024 / medium"),
                row("39 re-check at submit: an admission after the form opened denies the submit",
                        () -> check(only(rule(ROLE_A, "A", 60)), UsageSnapshot.NONE.admitted(T), T.plusSeconds(5)),
                        "COOLDOWN: You're on cooldown. Try again in 0:55. | retry 2026-11-22T10:01:00Z"),

                // Quotas and budgets (Studio, §3.6)
                row("quota: 10/day and 0/day give unlimited",
                        () -> check(heldAandB(daily(ROLE_A, 10), daily(ROLE_B, 0)), usage(500, 500, 0), T),
                        "admitted"),
                row("quota: 10/day and 50/day give 50 (49 used is admitted)",
                        () -> check(heldAandB(daily(ROLE_A, 10), daily(ROLE_B, 50)), usage(49, 49, 0), T),
                        "admitted"),
                row("quota: 10/day and 50/day give 50 (50 used is refused)",
                        () -> check(heldAandB(daily(ROLE_A, 10), daily(ROLE_B, 50)), usage(50, 50, 0), T),
                        "DAILY_QUOTA: You've used all 50 of your daily generations. Resets in 14 hours."
                                + " | retry 2026-11-23T00:00:00Z"),
                row("quota: daily counters reset at midnight UTC (refused at 23:59:30)",
                        () -> check(only(daily(ROLE_A, 10)), new UsageSnapshot(Instant.parse("2026-11-22T23:59:00Z"),
                                10, 10, 0), Instant.parse("2026-11-22T23:59:30Z")),
                        "DAILY_QUOTA: You've used all 10 of your daily generations. Resets in 30 seconds."
                                + " | retry 2026-11-23T00:00:00Z"),
                row("quota: daily counters reset at midnight UTC (admitted at 00:00:00)",
                        () -> check(only(daily(ROLE_A, 10)), new UsageSnapshot(Instant.parse("2026-11-22T23:59:00Z"),
                                10, 10, 0), Instant.parse("2026-11-23T00:00:00Z")),
                        "admitted"),
                row("quota: monthly limit",
                        () -> check(only(quotas(ROLE_A, 0, 300, 0)), usage(3, 300, 0), T),
                        "MONTHLY_QUOTA: You've used all 300 of your monthly generations. Resets in 9 days."
                                + " | retry 2026-12-01T00:00:00Z"),
                row("quota: monthly counters reset on the 1st UTC",
                        () -> check(only(quotas(ROLE_A, 0, 300, 0)), new UsageSnapshot(
                                Instant.parse("2026-11-30T23:00:00Z"), 3, 300, 0), Instant.parse("2026-12-01T00:00:01Z")),
                        "admitted"),
                row("budget: exhausted",
                        () -> check(only(quotas(ROLE_A, 0, 0, 20_000_000)), usage(1, 1, 20_040_000), T),
                        "MONTHLY_BUDGET: Your role's monthly budget of $20.00 is used up ($20.04 spent)."
                                + " Resets on 1 December. | retry 2026-12-01T00:00:00Z"),
                row("budget: not yet exhausted",
                        () -> check(only(quotas(ROLE_A, 0, 0, 20_000_000)), usage(1, 1, 19_999_999), T),
                        "admitted"),
                row("budget: the most generous role applies ($20 and $50 give $50)",
                        () -> check(heldAandB(quotas(ROLE_A, 0, 0, 20_000_000), quotas(ROLE_B, 0, 0, 50_000_000)),
                                usage(1, 1, 20_040_000), T),
                        "admitted"),
                row("budget: an unlimited role wins ($20 and $0 give unlimited)",
                        () -> check(heldAandB(quotas(ROLE_A, 0, 0, 20_000_000), quotas(ROLE_B, 0, 0, 0)),
                                usage(1, 1, 99_000_000), T),
                        "admitted"),
                row("budget: resets on the 1st UTC",
                        () -> check(only(quotas(ROLE_A, 0, 0, 20_000_000)), new UsageSnapshot(
                                Instant.parse("2026-12-31T12:00:00Z"), 1, 1, 20_040_000),
                                Instant.parse("2027-01-01T00:00:00Z")),
                        "admitted"),

                // Admin exemption (Studio setting): cooldown only
                row("admin exemption: exempt from cooldown",
                        () -> check(AccessPolicy.limits(List.of(rule(ROLE_A, "A", 300)), Set.of(ROLE_A), true),
                                UsageSnapshot.NONE.admitted(T), T.plusSeconds(1)),
                        "admitted"),
                row("admin exemption: not exempt from quotas",
                        () -> check(AccessPolicy.limits(List.of(new RoleRule(ROLE_A, "A", 300, Set.of(), Set.of(),
                                Set.of(), 5, 0, 0)), Set.of(ROLE_A), true), usage(5, 5, 0), T),
                        "DAILY_QUOTA: You've used all 5 of your daily generations. Resets in 14 hours."
                                + " | retry 2026-11-23T00:00:00Z"),
                row("admin exemption: grants no access",
                        () -> limits(List.of(rule(ROLE_A, "A", 300)), Set.of(), true),
                        "DENIED cooldown=0 models=* sizes=* qualities=* daily=0 monthly=0 budget=0"));
    }

    // ---- fixtures ----

    static Arguments row(String scenario, Supplier<String> actual, String expected) {
        return arguments(scenario, actual, expected);
    }

    static RoleRule rule(UUID role, String name, int cooldown) {
        return RoleRule.of(role, name, cooldown, Set.of(), Set.of(), Set.of());
    }

    static RoleRule sizes(UUID role, String... sizes) {
        return RoleRule.of(role, "R", 60, Set.of(), Set.of(sizes), Set.of());
    }

    static RoleRule qualities(UUID role, String... qualities) {
        return RoleRule.of(role, "R", 60, Set.of(), Set.of(), Set.of(qualities));
    }

    static RoleRule models(UUID role, String... models) {
        return RoleRule.of(role, "R", 60, Set.of(models), Set.of(), Set.of());
    }

    static RoleRule daily(UUID role, int daily) {
        return quotas(role, daily, 0, 0);
    }

    static RoleRule quotas(UUID role, int daily, int monthly, long budgetMicros) {
        return new RoleRule(role, "R", 0, Set.of(), Set.of(), Set.of(), daily, monthly, budgetMicros);
    }

    /** Ana holds role A and only its rule exists. */
    static EffectiveLimits only(RoleRule rule) {
        return AccessPolicy.limits(List.of(rule), Set.of(rule.roleId()));
    }

    /** Ana holds roles A and B, which are the workspace's only rules. */
    static EffectiveLimits heldAandB(RoleRule a, RoleRule b) {
        return AccessPolicy.limits(List.of(a, b), Set.of(ROLE_A, ROLE_B));
    }

    static UsageSnapshot usage(int today, int month, long spentMicros) {
        return new UsageSnapshot(T.minusSeconds(3600), today, month, spentMicros);
    }

    static RequestedOptions request(String model, String size, String quality) {
        return new RequestedOptions(model, size, quality);
    }

    static RuleDraft designersDraft(String cooldown, Set<String> sizes) {
        return new RuleDraft(DESIGNERS, "Designers", cooldown, Set.of(RuleDraft.ALL), sizes, Set.of(), "", "", "");
    }

    // ---- renderers: one line of text per policy output, so rows compare exact strings ----

    static String limits(List<RoleRule> rules, Set<UUID> held) {
        return limits(rules, held, false);
    }

    static String limits(List<RoleRule> rules, Set<UUID> held, boolean exempt) {
        EffectiveLimits l = AccessPolicy.limits(rules, held, exempt);
        return l.access() + " cooldown=" + l.cooldownSeconds() + " models=" + set(l.models()) + " sizes="
                + set(l.sizes()) + " qualities=" + set(l.qualities()) + " daily=" + l.dailyQuota() + " monthly="
                + l.monthlyQuota() + " budget=" + l.monthlyBudgetMicros();
    }

    static String set(Set<String> values) {
        return values.isEmpty() ? "*" : values.stream().sorted().toList().toString();
    }

    static String check(EffectiveLimits limits, UsageSnapshot usage, Instant now) {
        return render(AccessPolicy.check(limits, usage, now));
    }

    static String render(Optional<Refusal> refusal) {
        return refusal.map(AccessPolicyTest::render).orElse("admitted");
    }

    static String render(Refusal r) {
        return r.reason() + ": " + r.message() + r.retryAt().map(t -> " | retry " + t).orElse("");
    }

    static String options(EffectiveLimits limits, String chosenModel) {
        Outcome<AllowedOptions> outcome = AccessPolicy.options(limits, CATALOGUE, chosenModel);
        if (outcome instanceof Outcome.Refused<AllowedOptions> refused) {
            return render(refused.refusal());
        }
        AllowedOptions o = outcome.orElseThrow();
        return "models " + o.models().stream().map(ModelChoice::id).toList()
                + " | sizes " + o.sizes().stream().map(Choice::value).toList()
                + " | qualities " + o.qualities().stream().map(Choice::value).toList();
    }

    static String labels(EffectiveLimits limits) {
        AllowedOptions o = AccessPolicy.options(limits, CATALOGUE, null).orElseThrow();
        return String.join(", ", o.models().stream().map(ModelChoice::label).toList())
                + " | " + String.join(", ", o.sizes().stream().map(Choice::label).toList())
                + " | " + String.join(", ", o.qualities().stream().map(Choice::label).toList());
    }

    static String resolve(EffectiveLimits limits, WorkspaceDefaults defaults, RequestedOptions request) {
        return resolve(limits, CATALOGUE, defaults, request);
    }

    static String resolve(EffectiveLimits limits, OptionCatalog catalogue, WorkspaceDefaults defaults,
                          RequestedOptions request) {
        Outcome<ResolvedOptions> outcome = AccessPolicy.resolve(limits, catalogue, defaults, request);
        if (outcome instanceof Outcome.Refused<ResolvedOptions> refused) {
            return render(refused.refusal());
        }
        ResolvedOptions r = outcome.orElseThrow();
        return r.model().id() + " / " + r.size().value() + " / " + r.quality().value();
    }

    static String normalise(String cooldown, Set<String> sizes) {
        return error(() -> RuleNormaliser.normalise(designersDraft(cooldown, sizes), CATALOGUE));
    }

    static String error(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        return thrown == null ? "no error" : "error: " + thrown.getMessage();
    }
}
