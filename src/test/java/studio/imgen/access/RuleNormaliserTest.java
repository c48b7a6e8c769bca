package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.imgen.access.AccessPolicyTest.CATALOGUE;
import static studio.imgen.access.AccessPolicyTest.DESIGNERS;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.base.UserInputException;

class RuleNormaliserTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0        | 0",
            "60       | 60",
            "' 30 '   | 30",
            "+5       | 5",
            "-0       | 0",
            "007      | 7",
            "999999   | 999999"})
    void cooldownIsAWholeNumberFromZeroTo999999(String text, int seconds) {
        assertThat(normalise(draft(text)).cooldownSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "-5                      | Cooldown must be 0 or greater.",
            "-99999999999999999999   | Cooldown must be 0 or greater.",
            "abc                     | Cooldown must be a number.",
            "1.5                     | Cooldown must be a number.",
            "1e3                     | Cooldown must be a number.",
            "'6 0'                   | Cooldown must be a number.",
            "٣                       | Cooldown must be a number.",
            "''                      | Cooldown must be a number.",
            "'   '                   | Cooldown must be a number.",
            "1000000                 | Cooldown must be at most 999999.",
            "99999999999999999999    | Cooldown must be at most 999999."})
    void badCooldownsAreRefusedWithTheOriginalMessages(String text, String message) {
        assertRefused(draft(text), message);
    }

    @Test
    void aMissingCooldownIsRefused() {
        assertRefused(draft(null), "Cooldown must be a number.");
    }

    @Test
    void aRoleMustBeSelected() {
        RuleDraft noRole = new RuleDraft(null, null, "60", null, null, null, null, null, null);

        assertRefused(noRole, "You must select a role.");
    }

    @Test
    void selectionsKeepTheChosenConcreteValuesAndMatchLabels() {
        RoleRule rule = normalise(selection(set("GPT Image 1 Mini"), set("1024x1024 (Square)", "1536X1024"),
                set("Low", " medium ")));

        assertThat(rule.models()).containsExactly("gpt-image-1-mini");
        assertThat(rule.sizes()).containsExactlyInAnyOrder("1024x1024", "1536x1024");
        assertThat(rule.qualities()).containsExactlyInAnyOrder("low", "medium");
    }

    @Test
    void allOrEveryConcreteValueIsStoredAsEmpty() {
        RoleRule explicitAll = normalise(selection(set("gpt-image-1.5", "All"), set("ALL"), set("all", "low")));
        RoleRule everything = normalise(selection(set("gpt-image-1.5", "gpt-image-1-mini"),
                set("1024x1024", "1536x1024", "1024x1536"), set("low", "medium", "high")));

        for (RoleRule rule : new RoleRule[] {explicitAll, everything}) {
            assertThat(rule.models()).isEmpty();
            assertThat(rule.sizes()).isEmpty();
            assertThat(rule.qualities()).isEmpty();
        }
    }

    @Test
    void autoIsNeverStored() {
        RoleRule rule = normalise(selection(set(), set("auto", "1024x1024"), set("Auto", "high")));

        assertThat(rule.sizes()).containsExactly("1024x1024");
        assertThat(rule.qualities()).containsExactly("high");
    }

    @Test
    void autoWithEveryConcreteValueIsStillAll() {
        RoleRule rule = normalise(selection(set(), set("auto", "1024x1024", "1536x1024", "1024x1536"), set()));

        assertThat(rule.sizes()).isEmpty();
    }

    @Test
    void emptyAndMissingSelectionsMeanAllAndBlankEntriesAreIgnored() {
        RoleRule rule = normalise(selection(null, set(), set("", "  ")));

        assertThat(rule.models()).isEmpty();
        assertThat(rule.sizes()).isEmpty();
        assertThat(rule.qualities()).isEmpty();
    }

    @Test
    void unknownValuesAreRefused() {
        assertRefused(selection(set("dall-e-3"), set(), set()), "Invalid model selection.");
        assertRefused(selection(set("auto"), set(), set()), "Invalid model selection."); // models have no auto
        assertRefused(selection(set(), set("512x512"), set()), "Invalid size selection.");
        assertRefused(selection(set(), set(), set("ultra")), "Invalid quality selection.");
    }

    @Test
    void quotasAndBudgetAreOptionalAndBlankMeansUnlimited() {
        RoleRule rule = normalise(limits(null, " ", ""));

        assertThat(rule.dailyQuota()).isZero();
        assertThat(rule.monthlyQuota()).isZero();
        assertThat(rule.monthlyBudgetMicros()).isZero();
    }

    @Test
    void quotasAreWholeNumbers() {
        RoleRule rule = normalise(limits("50", "1000", null));

        assertThat(rule.dailyQuota()).isEqualTo(50);
        assertThat(rule.monthlyQuota()).isEqualTo(1000);
        assertRefused(limits("ten", null, null), "Daily quota must be a number.");
        assertRefused(limits("-1", null, null), "Daily quota must be 0 or greater.");
        assertRefused(limits(null, "1000000", null), "Monthly quota must be at most 999999.");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} µ$")
    @CsvSource(delimiter = '|', value = {
            "20          | 20000000",
            "$20         | 20000000",
            "' $ 12.50 ' | 12500000",
            "0.5         | 500000",
            "0           | 0",
            "-0          | 0",
            "1000000     | 1000000000000"})
    void budgetsAreDollarsWithAtMostCents(String text, long micros) {
        assertThat(normalise(limits(null, null, text)).monthlyBudgetMicros()).isEqualTo(micros);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "twenty     | Monthly budget must be an amount in dollars, like 20 or 12.50.",
            "12.505     | Monthly budget must be an amount in dollars, like 20 or 12.50.",
            "20$        | Monthly budget must be an amount in dollars, like 20 or 12.50.",
            "1,000      | Monthly budget must be an amount in dollars, like 20 or 12.50.",
            "-5         | Monthly budget must be 0 or greater.",
            "-$5        | Monthly budget must be 0 or greater.",
            "1000000.01 | Monthly budget must be at most $1,000,000."})
    void badBudgetsAreRefused(String text, String message) {
        assertRefused(limits(null, null, text), message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void aBlankBudgetIsUnlimitedAndTheRoleIsKept(String blankBudget) {
        RoleRule rule = normalise(new RuleDraft(DESIGNERS, "Designers", "60", null, null, null, null, null,
                blankBudget));

        assertThat(rule.roleId()).isEqualTo(DESIGNERS);
        assertThat(rule.roleName()).isEqualTo("Designers");
        assertThat(rule.monthlyBudgetMicros()).isZero();
    }

    @Test
    void roleRulesRejectValuesOutsideTheirRanges() {
        UUID role = UUID.randomUUID();

        assertThatThrownBy(() -> RoleRule.of(role, "R", -1, Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleRule.of(role, "R", 1_000_000, Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoleRule(role, "R", 0, Set.of(), Set.of(), Set.of(), -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoleRule(role, "R", 0, Set.of(), Set.of(), Set.of(), 0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoleRule(role, "R", 0, Set.of(), Set.of(), Set.of(), 0, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoleRule.of(null, "R", 0, Set.of(), Set.of(), Set.of()))
                .isInstanceOf(NullPointerException.class);
    }

    private static RoleRule normalise(RuleDraft draft) {
        return RuleNormaliser.normalise(draft, CATALOGUE);
    }

    private static void assertRefused(RuleDraft draft, String message) {
        assertThatThrownBy(() -> normalise(draft)).isExactlyInstanceOf(UserInputException.class).hasMessage(message);
    }

    private static RuleDraft draft(String cooldown) {
        return new RuleDraft(DESIGNERS, "Designers", cooldown, null, null, null, null, null, null);
    }

    private static RuleDraft selection(Set<String> models, Set<String> sizes, Set<String> qualities) {
        return new RuleDraft(DESIGNERS, "Designers", "60", models, sizes, qualities, null, null, null);
    }

    private static RuleDraft limits(String daily, String monthly, String budget) {
        return new RuleDraft(DESIGNERS, "Designers", "60", null, null, null, daily, monthly, budget);
    }

    private static Set<String> set(String... values) {
        return new HashSet<>(Arrays.asList(values));
    }
}
