package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.imgen.access.AccessPolicyTest.CATALOGUE;
import static studio.imgen.access.AccessPolicyTest.DEFAULTS;
import static studio.imgen.access.AccessPolicyTest.ROLE_A;
import static studio.imgen.access.AccessPolicyTest.ROLE_B;
import static studio.imgen.access.AccessPolicyTest.T;
import static studio.imgen.access.AccessPolicyTest.check;
import static studio.imgen.access.AccessPolicyTest.only;
import static studio.imgen.access.AccessPolicyTest.request;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import studio.imgen.access.EffectiveLimits.Access;
import studio.imgen.access.Refusal.Reason;
import studio.imgen.base.UserInputException;

/** Branches beyond the acceptance scenarios: capabilities, stale defaults, ordering, result types. */
class AccessPolicyDetailsTest {

    /** A newer model: two sizes only, and the extra quality xhigh that the newer catalogue lists. */
    static final ModelChoice GPT_2 = new ModelChoice("gpt-image-2", "GPT Image 2", Set.of("1024x1024", "1536x1024"),
            Set.of("low", "high", "xhigh"));
    static final ModelChoice GPT_15 = ModelChoice.of("gpt-image-1.5", "GPT Image 1.5");
    static final OptionCatalog NEWER = new OptionCatalog(List.of(GPT_2, GPT_15), OptionCatalog.DEFAULT_SIZES,
            List.of(new Choice("auto", "Auto"), new Choice("low", "Low"), new Choice("medium", "Medium"),
                    new Choice("high", "High"), new Choice("xhigh", "Extra high")));
    static final WorkspaceDefaults NEWER_DEFAULTS = new WorkspaceDefaults("gpt-image-2", "auto", "auto");

    // ---- limits ----

    @Test
    void rulesOfRolesTheMemberDoesNotHoldAreIgnored() {
        List<RoleRule> rules = List.of(
                RoleRule.of(ROLE_A, "A", 10, Set.of("gpt-image-1.5"), Set.of("1024x1024"), Set.of("low")),
                RoleRule.of(ROLE_B, "B", 0, Set.of(), Set.of(), Set.of()));

        EffectiveLimits limits = AccessPolicy.limits(rules, Set.of(ROLE_A, UUID.randomUUID()));

        assertThat(limits).isEqualTo(new EffectiveLimits(Access.BY_ROLE, 10, Set.of("gpt-image-1.5"),
                Set.of("1024x1024"), Set.of("low"), 0, 0, 0));
        assertThat(limits.modelsRestricted()).isTrue();
        assertThat(limits.sizesRestricted()).isTrue();
        assertThat(limits.qualitiesRestricted()).isTrue();
        assertThat(limits.denied()).isFalse();
    }

    @Test
    void restrictedDimensionsAreUnitedAcrossRoles() {
        List<RoleRule> rules = List.of(
                RoleRule.of(ROLE_A, "A", 30, Set.of("gpt-image-1.5"), Set.of("1024x1024"), Set.of("low")),
                RoleRule.of(ROLE_B, "B", 90, Set.of("gpt-image-1-mini"), Set.of("1024x1536"), Set.of("high")));

        EffectiveLimits limits = AccessPolicy.limits(rules, Set.of(ROLE_A, ROLE_B));

        assertThat(limits.cooldownSeconds()).isEqualTo(30);
        assertThat(limits.models()).containsExactlyInAnyOrder("gpt-image-1.5", "gpt-image-1-mini");
        assertThat(limits.sizes()).containsExactlyInAnyOrder("1024x1024", "1024x1536");
        assertThat(limits.qualities()).containsExactlyInAnyOrder("low", "high");
    }

    @Test
    void quotasTakeTheLargestPerIntervalIndependently() {
        List<RoleRule> rules = List.of(
                new RoleRule(ROLE_A, "A", 0, Set.of(), Set.of(), Set.of(), 10, 0, 5_000_000),
                new RoleRule(ROLE_B, "B", 0, Set.of(), Set.of(), Set.of(), 3, 200, 7_000_000));

        EffectiveLimits limits = AccessPolicy.limits(rules, Set.of(ROLE_A, ROLE_B));

        assertThat(limits.dailyQuota()).isEqualTo(10);
        assertThat(limits.monthlyQuota()).isZero(); // A has no monthly limit, so none applies
        assertThat(limits.monthlyBudgetMicros()).isEqualTo(7_000_000);
    }

    @Test
    void openAndDeniedCarryNoRestrictions() {
        assertThat(EffectiveLimits.OPEN.denied()).isFalse();
        assertThat(EffectiveLimits.DENIED.denied()).isTrue();
        assertThat(EffectiveLimits.OPEN.modelsRestricted()).isFalse();
        assertThat(EffectiveLimits.OPEN.sizesRestricted()).isFalse();
        assertThat(EffectiveLimits.OPEN.qualitiesRestricted()).isFalse();
    }

    // ---- options with model capabilities ----

    @Test
    void beforeAModelIsChosenEveryCanonicalValueIsOffered() {
        AllowedOptions options = AccessPolicy.options(EffectiveLimits.OPEN, NEWER, null).orElseThrow();

        assertThat(options.models()).containsExactly(GPT_2, GPT_15);
        assertThat(values(options.sizes())).containsExactly("auto", "1024x1024", "1536x1024", "1024x1536");
        assertThat(values(options.qualities())).containsExactly("auto", "low", "medium", "high", "xhigh");
    }

    @Test
    void theChosenModelNarrowsSizesAndQualitiesButKeepsAuto() {
        AllowedOptions options = AccessPolicy.options(EffectiveLimits.OPEN, NEWER, "gpt-image-2").orElseThrow();

        assertThat(values(options.sizes())).containsExactly("auto", "1024x1024", "1536x1024");
        assertThat(values(options.qualities())).containsExactly("auto", "low", "high", "xhigh");
    }

    @Test
    void roleAndModelLimitsIntersect() {
        EffectiveLimits limits = only(RoleRule.of(ROLE_A, "A", 0, Set.of(), Set.of("1536x1024", "1024x1536"),
                Set.of("medium", "xhigh")));

        AllowedOptions options = AccessPolicy.options(limits, NEWER, "gpt-image-2").orElseThrow();

        assertThat(values(options.sizes())).containsExactly("1536x1024");
        assertThat(values(options.qualities())).containsExactly("xhigh");
    }

    @Test
    void aRestrictedDimensionTheModelCannotServeIsEmpty() {
        EffectiveLimits portraitOnly = only(RoleRule.of(ROLE_A, "A", 0, Set.of(), Set.of("1024x1536"), Set.of()));
        EffectiveLimits mediumOnly = only(RoleRule.of(ROLE_A, "A", 0, Set.of(), Set.of(), Set.of("medium")));

        assertThat(refusal(AccessPolicy.options(portraitOnly, NEWER, "gpt-image-2")).reason())
                .isEqualTo(Reason.NO_SIZES);
        assertThat(refusal(AccessPolicy.options(mediumOnly, NEWER, "gpt-image-2")).reason())
                .isEqualTo(Reason.NO_QUALITIES);
        assertThat(AccessPolicy.options(portraitOnly, NEWER, "gpt-image-1.5").isAllowed()).isTrue();
    }

    @Test
    void anUnknownChosenModelIsAProgrammingError() {
        assertThatThrownBy(() -> AccessPolicy.options(EffectiveLimits.OPEN, NEWER, "dall-e-3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dall-e-3");
    }

    @Test
    void aCatalogueWithoutOfferedModelsOffersNothing() {
        OptionCatalog empty = OptionCatalog.of(List.of());

        assertThat(refusal(AccessPolicy.options(EffectiveLimits.OPEN, empty, null)).reason())
                .isEqualTo(Reason.NO_MODELS);
        assertThat(refusal(AccessPolicy.resolve(EffectiveLimits.OPEN, empty, DEFAULTS, RequestedOptions.OMITTED))
                .reason()).isEqualTo(Reason.NO_MODELS);
    }

    // ---- resolution ----

    @Test
    void aValueTheRoleAllowsButTheModelDoesNotSupportIsRefusedNamingTheModel() {
        assertThat(resolve(EffectiveLimits.OPEN, request("gpt-image-2", "1024x1536", null)))
                .isEqualTo("SIZE_NOT_SUPPORTED: That size is not supported by GPT Image 2.");
        assertThat(resolve(EffectiveLimits.OPEN, request("gpt-image-2", null, "medium")))
                .isEqualTo("QUALITY_NOT_SUPPORTED: That quality setting is not supported by GPT Image 2.");
    }

    @Test
    void newerQualityValuesResolveWhereTheModelSupportsThem() {
        assertThat(resolve(EffectiveLimits.OPEN, request(null, null, "Extra high")))
                .isEqualTo("gpt-image-2 / auto / xhigh");
        assertThat(resolve(EffectiveLimits.OPEN, request("gpt-image-1.5", null, "xhigh")))
                .isEqualTo("gpt-image-1.5 / auto / xhigh"); // 1.5 declares no limits in this catalogue
    }

    @Test
    void anOmittedValueWhoseDefaultTheModelCannotServeFallsBackToAuto() {
        WorkspaceDefaults portrait = new WorkspaceDefaults("gpt-image-2", "1024x1536", "medium");

        assertThat(resolve(EffectiveLimits.OPEN, portrait, RequestedOptions.OMITTED))
                .isEqualTo("gpt-image-2 / auto / auto");
        assertThat(resolve(EffectiveLimits.OPEN, portrait, request("gpt-image-1.5", null, null)))
                .isEqualTo("gpt-image-1.5 / 1024x1536 / medium");
    }

    @Test
    void aRestrictedDimensionFallsBackToItsFirstValueTheModelSupports() {
        EffectiveLimits limits = only(RoleRule.of(ROLE_A, "A", 0, Set.of(), Set.of("1024x1536", "1536x1024"),
                Set.of()));

        assertThat(resolve(limits, request("gpt-image-2", "auto", null))).isEqualTo("gpt-image-2 / 1536x1024 / auto");
        assertThat(resolve(limits, request("gpt-image-1.5", "auto", null)))
                .isEqualTo("gpt-image-1.5 / 1536x1024 / auto");
        assertThat(resolve(limits, request("gpt-image-2", "1024x1536", null)))
                .isEqualTo("SIZE_NOT_SUPPORTED: That size is not supported by GPT Image 2.");
    }

    @Test
    void anExplicitRequestForAModelThatCannotServeTheRoleIsRefusedAsEmpty() {
        EffectiveLimits portraitOnly = only(RoleRule.of(ROLE_A, "A", 0, Set.of(), Set.of("1024x1536"), Set.of()));

        assertThat(resolve(portraitOnly, request("gpt-image-2", "1024x1536", null)))
                .isEqualTo("NO_SIZES: No sizes are available for your roles. Ask an admin to configure access.");
    }

    @Test
    void aDefaultModelThatLeftTheCatalogueFallsBackToTheFirstAllowedModel() {
        WorkspaceDefaults retired = new WorkspaceDefaults("gpt-image-1", "auto", "auto");

        assertThat(resolve(EffectiveLimits.OPEN, retired, RequestedOptions.OMITTED))
                .isEqualTo("gpt-image-2 / auto / auto");
        assertThat(resolve(only(RoleRule.of(ROLE_A, "A", 0, Set.of("gpt-image-1.5"), Set.of(), Set.of())),
                retired, RequestedOptions.OMITTED)).isEqualTo("gpt-image-1.5 / auto / auto");
    }

    @Test
    void aMissingDefaultModelMeansTheFirstAllowedModel() {
        assertThat(resolve(EffectiveLimits.OPEN, WorkspaceDefaults.NONE, RequestedOptions.OMITTED))
                .isEqualTo("gpt-image-2 / auto / auto");
    }

    @Test
    void blankValuesCountAsOmitted() {
        WorkspaceDefaults defaults = new WorkspaceDefaults("gpt-image-1.5", "1024x1536", "high");

        assertThat(resolve(EffectiveLimits.OPEN, defaults, request("  ", "", "\t")))
                .isEqualTo("gpt-image-1.5 / 1024x1536 / high");
    }

    @Test
    void anExplicitAutoStaysAutoInAnUnrestrictedDimension() {
        WorkspaceDefaults defaults = new WorkspaceDefaults("gpt-image-1.5", "1024x1536", "high");

        assertThat(resolve(EffectiveLimits.OPEN, defaults, request(null, "Auto", "AUTO")))
                .isEqualTo("gpt-image-1.5 / auto / auto");
    }

    @Test
    void theSizeIsCheckedBeforeTheQuality() {
        EffectiveLimits limits = only(RoleRule.of(ROLE_A, "A", 0, Set.of(), Set.of("1024x1024"), Set.of("low")));

        assertThat(resolve(limits, request(null, "1536x1024", "ultra")))
                .isEqualTo("SIZE_NOT_ALLOWED: That size is not available for your role.");
        assertThat(resolve(limits, request("dall-e-3", "1536x1024", "ultra")))
                .isEqualTo("INVALID_MODEL: Invalid model selection.");
    }

    @Test
    void theResolvedChoicesCarryTheirLabels() {
        ResolvedOptions resolved = AccessPolicy.resolve(EffectiveLimits.OPEN, NEWER, NEWER_DEFAULTS,
                request(null, "1536x1024", "xhigh")).orElseThrow();

        assertThat(resolved.model()).isEqualTo(GPT_2);
        assertThat(resolved.size()).isEqualTo(new Choice("1536x1024", "1536x1024 (Landscape)"));
        assertThat(resolved.quality()).isEqualTo(new Choice("xhigh", "Extra high"));
    }

    @Test
    void anAmbiguousTextMatchesAValueBeforeALabel() {
        // A label equal to another entry's value: the value wins.
        OptionCatalog tricky = OptionCatalog.of(List.of(ModelChoice.of("a", "b"), ModelChoice.of("b", "c")));

        assertThat(AccessPolicy.resolve(EffectiveLimits.OPEN, tricky, WorkspaceDefaults.NONE, request("b", null, null))
                .orElseThrow().model().id()).isEqualTo("b");
        assertThat(AccessPolicy.resolve(EffectiveLimits.OPEN, tricky, WorkspaceDefaults.NONE, request("C", null, null))
                .orElseThrow().model().id()).isEqualTo("b");
    }

    // ---- check ----

    @Test
    void aMemberWhoNeverGeneratedIsNotOnCooldown() {
        assertThat(check(only(AccessPolicyTest.rule(ROLE_A, "A", 999_999)), UsageSnapshot.NONE, T))
                .isEqualTo("admitted");
    }

    @Test
    void theLastSecondIsSingular() {
        assertThat(check(only(AccessPolicyTest.rule(ROLE_A, "A", 60)), UsageSnapshot.NONE.admitted(T),
                T.plusMillis(59_500)))
                .isEqualTo("COOLDOWN: You're on cooldown. Try again in 0:01. | retry 2026-11-22T10:01:00Z");
    }

    @Test
    void cooldownIsCheckedBeforeQuotasAndQuotasBeforeTheBudget() {
        RoleRule everything = new RoleRule(ROLE_A, "A", 60, Set.of(), Set.of(), Set.of(), 1, 1, 1);
        UsageSnapshot exhausted = new UsageSnapshot(T, 1, 1, 1);

        assertThat(AccessPolicy.check(only(everything), exhausted, T.plusSeconds(1)).orElseThrow().reason())
                .isEqualTo(Reason.COOLDOWN);
        assertThat(AccessPolicy.check(only(everything), exhausted, T.plusSeconds(61)).orElseThrow().reason())
                .isEqualTo(Reason.DAILY_QUOTA);
        assertThat(AccessPolicy.check(only(everything), new UsageSnapshot(T, 0, 1, 1), T.plusSeconds(61))
                .orElseThrow().reason()).isEqualTo(Reason.MONTHLY_QUOTA);
        assertThat(AccessPolicy.check(only(everything), new UsageSnapshot(T, 0, 0, 1), T.plusSeconds(61))
                .orElseThrow().reason()).isEqualTo(Reason.MONTHLY_BUDGET);
    }

    @Test
    void aDenialOffersNoRetryTime() {
        assertThat(AccessPolicy.check(EffectiveLimits.DENIED, UsageSnapshot.NONE, T).orElseThrow().retryAt())
                .isEmpty();
    }

    @Test
    void theBudgetResetDateCrossesTheYear() {
        RoleRule budget = new RoleRule(ROLE_A, "A", 0, Set.of(), Set.of(), Set.of(), 0, 0, 500_000);
        Instant december = Instant.parse("2026-12-15T08:00:00Z");

        assertThat(check(only(budget), new UsageSnapshot(december, 1, 1, 612_300), december.plusSeconds(5)))
                .isEqualTo("MONTHLY_BUDGET: Your role's monthly budget of $0.5000 is used up ($0.6123 spent)."
                        + " Resets on 1 January. | retry 2027-01-01T00:00:00Z");
    }

    // ---- outcomes ----

    @Test
    void aRefusedOutcomeThrowsTheMemberFacingMessageWithItsReason() {
        Outcome<ResolvedOptions> refused = AccessPolicy.resolve(EffectiveLimits.DENIED, CATALOGUE, DEFAULTS,
                RequestedOptions.OMITTED);

        assertThat(refused.isAllowed()).isFalse();
        assertThatThrownBy(refused::orElseThrow)
                .isInstanceOf(UserInputException.class)
                .isInstanceOfSatisfying(AccessRefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Reason.NO_ROLE))
                .hasMessage("You don't have a role that allows image generation.");
    }

    @Test
    void anAllowedOutcomeReturnsItsValue() {
        Outcome<String> allowed = Outcome.allowed("x");

        assertThat(allowed.isAllowed()).isTrue();
        assertThat(allowed.orElseThrow()).isEqualTo("x");
        assertThatThrownBy(() -> Outcome.allowed(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Outcome.refused(null)).isInstanceOf(NullPointerException.class);
    }

    static List<String> values(List<Choice> choices) {
        return choices.stream().map(Choice::value).toList();
    }

    static Refusal refusal(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal();
    }

    private static String resolve(EffectiveLimits limits, RequestedOptions request) {
        return resolve(limits, NEWER_DEFAULTS, request);
    }

    private static String resolve(EffectiveLimits limits, WorkspaceDefaults defaults, RequestedOptions request) {
        return AccessPolicyTest.resolve(limits, NEWER, defaults, request);
    }

    // ---- custom sizes (gpt-image-2: any WIDTHxHEIGHT within OpenAI's rules) ----

    /** A model that takes custom sizes beside its listed ones, and one that does not. */
    static final ModelChoice CUSTOM = new ModelChoice("gpt-image-2", "GPT Image 2",
            Set.of("1024x1024", "1536x1024", "1024x1536"), Set.of("low", "medium", "high"), true);
    static final OptionCatalog WITH_CUSTOM = OptionCatalog.of(List.of(CUSTOM, GPT_15));
    static final WorkspaceDefaults CUSTOM_DEFAULTS = new WorkspaceDefaults("gpt-image-2", "auto", "auto");
    static final long FULL_HD = 1920L * 1080L;

    static RoleRule sizesUpTo(UUID role, long cap, String... sizes) {
        return new RoleRule(role, "R", 0, Set.of(), Set.of(sizes), Set.of(), 0, 0, 0, cap);
    }

    static Stream<Arguments> customSizes() {
        EffectiveLimits squareOnly = only(sizesUpTo(ROLE_A, 0, "1024x1024"));
        EffectiveLimits squareOrFullHd = only(sizesUpTo(ROLE_A, FULL_HD, "1024x1024"));
        return Stream.of(
                // Open access or unrestricted sizes: every size OpenAI takes.
                row("open: 1536x864", () -> custom(EffectiveLimits.OPEN, "gpt-image-2", "1536x864"),
                        "gpt-image-2 / 1536x864 (custom)"),
                row("open: largest", () -> custom(EffectiveLimits.OPEN, "gpt-image-2", "3840x2160"),
                        "gpt-image-2 / 3840x2160 (custom, experimental)"),
                row("open: 2560x1440 is not experimental yet",
                        () -> custom(EffectiveLimits.OPEN, "gpt-image-2", "2560x1440"),
                        "gpt-image-2 / 2560x1440 (custom)"),
                row("open: upper case X and spaces", () -> custom(EffectiveLimits.OPEN, "gpt-image-2", " 1536X864 "),
                        "gpt-image-2 / 1536x864 (custom)"),
                row("unrestricted sizes rule", () -> custom(only(AccessPolicyTest.rule(ROLE_A, "A", 0)), "gpt-image-2",
                        "1536x864"), "gpt-image-2 / 1536x864 (custom)"),
                // OpenAI's rules, checked before anything is sent.
                row("not a multiple of 16", () -> custom(EffectiveLimits.OPEN, "gpt-image-2", "1000x1000"),
                        "INVALID_SIZE: Width 1000 is not a multiple of 16 pixels: try 992 or 1008."),
                row("too large", () -> custom(EffectiveLimits.OPEN, "gpt-image-2", "4096x2304"),
                        "INVALID_SIZE: Too large: OpenAI allows at most 3840x2160 (8,294,400 pixels) and 3840 pixels"
                                + " on a side."),
                row("too narrow", () -> custom(EffectiveLimits.OPEN, "gpt-image-2", "3200x1024"),
                        "INVALID_SIZE: Too narrow or too wide: the aspect ratio must be between 1:3 and 3:1."),
                // A model without custom sizes knows its listed sizes only (scenario 19's wording).
                row("model without custom sizes", () -> custom(EffectiveLimits.OPEN, "gpt-image-1.5", "1536x864"),
                        "INVALID_SIZE: Invalid size selection."),
                // Restricted sizes: the role's cap decides.
                row("restricted, no cap", () -> custom(squareOnly, "gpt-image-2", "1536x864"),
                        "SIZE_NOT_ALLOWED: Custom sizes are not available for your role. Choose one of the listed"
                                + " sizes."),
                row("restricted, within the cap", () -> custom(squareOrFullHd, "gpt-image-2", "1536x864"),
                        "gpt-image-2 / 1536x864 (custom)"),
                row("restricted, exactly the cap", () -> custom(squareOrFullHd, "gpt-image-2", "1920x1088"),
                        "SIZE_NOT_ALLOWED: Your role allows custom sizes up to 2,073,600 pixels; 1920x1088 has"
                                + " 2,088,960."),
                row("restricted, above the cap", () -> custom(squareOrFullHd, "gpt-image-2", "2560x1440"),
                        "SIZE_NOT_ALLOWED: Your role allows custom sizes up to 2,073,600 pixels; 2560x1440 has"
                                + " 3,686,400."),
                row("restricted, a listed size the role lacks but the cap covers",
                        () -> custom(squareOrFullHd, "gpt-image-2", "1536x1024"), "gpt-image-2 / 1536x1024 (custom)"),
                row("restricted, a listed size the role lacks, no cap",
                        () -> custom(squareOnly, "gpt-image-2", "1536x1024"),
                        "SIZE_NOT_ALLOWED: That size is not available for your role."),
                row("restricted, the listed size itself", () -> custom(squareOrFullHd, "gpt-image-2", "1024x1024"),
                        "gpt-image-2 / 1024x1024 (Square)"),
                row("restricted, cap on a model without custom sizes",
                        () -> custom(squareOrFullHd, "gpt-image-1.5", "1536x864"),
                        "INVALID_SIZE: Invalid size selection."),
                // Several roles: the largest cap; an unrestricted rule lifts every limit.
                row("two roles: the larger cap", () -> custom(AccessPolicy.limits(List.of(
                                sizesUpTo(ROLE_A, 1_000_000, "1024x1024"), sizesUpTo(ROLE_B, FULL_HD, "1024x1536")),
                        Set.of(ROLE_A, ROLE_B)), "gpt-image-2", "1536x864"), "gpt-image-2 / 1536x864 (custom)"),
                row("two roles: one unrestricted", () -> custom(AccessPolicy.limits(List.of(
                                sizesUpTo(ROLE_A, 0, "1024x1024"), AccessPolicyTest.rule(ROLE_B, "B", 0)),
                        Set.of(ROLE_A, ROLE_B)), "gpt-image-2", "3840x2160"),
                        "gpt-image-2 / 3840x2160 (custom, experimental)"),
                // What the pickers offer beside the listed sizes.
                row("options: open", () -> cap(EffectiveLimits.OPEN, "gpt-image-2"), "8294400"),
                row("options: restricted with a cap", () -> cap(squareOrFullHd, "gpt-image-2"), "2073600"),
                row("options: restricted without a cap", () -> cap(squareOnly, "gpt-image-2"), "0"),
                row("options: model without custom sizes", () -> cap(EffectiveLimits.OPEN, "gpt-image-1.5"), "0"),
                row("options: no model chosen yet", () -> cap(EffectiveLimits.OPEN, null), "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customSizes")
    void customSizes(String scenario, Supplier<String> actual, String expected) {
        assertThat(actual.get()).isEqualTo(expected);
    }

    @Test
    void theCapOfEveryHeldRuleCountsAndRulesOfOtherRolesDoNot() {
        EffectiveLimits limits = AccessPolicy.limits(List.of(sizesUpTo(ROLE_A, 1_000_000, "1024x1024"),
                sizesUpTo(ROLE_B, FULL_HD, "1024x1024")), Set.of(ROLE_A));

        assertThat(limits.customSizeMaxPixels()).isEqualTo(1_000_000);
        assertThat(limits.customSizeCap()).isEqualTo(1_000_000);
        assertThat(EffectiveLimits.OPEN.customSizeCap()).isEqualTo(3840L * 2160L);
    }

    @Test
    void aRuleCapBeyondOpenAisLimitIsRefused() {
        assertThatThrownBy(() -> sizesUpTo(ROLE_A, 3840L * 2160L + 1, "1024x1024"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments row(String scenario, Supplier<String> actual, String expected) {
        return Arguments.arguments(scenario, actual, expected);
    }

    private static String custom(EffectiveLimits limits, String model, String size) {
        Outcome<ResolvedOptions> outcome = AccessPolicy.resolve(limits, WITH_CUSTOM, CUSTOM_DEFAULTS,
                request(model, size, null));
        if (outcome instanceof Outcome.Refused<ResolvedOptions> refused) {
            return refused.refusal().reason() + ": " + refused.refusal().message();
        }
        ResolvedOptions r = outcome.orElseThrow();
        return r.model().id() + " / " + r.size().label();
    }

    private static String cap(EffectiveLimits limits, String model) {
        return String.valueOf(AccessPolicy.options(limits, WITH_CUSTOM, model).orElseThrow().customSizeMaxPixels());
    }
}
