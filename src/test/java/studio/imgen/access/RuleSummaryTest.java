package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static studio.imgen.access.AccessPolicyTest.DESIGNERS;
import static studio.imgen.access.AccessPolicyTest.MARKETING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSummaryTest {

    static final Map<String, String> MODEL_LABELS = new LinkedHashMap<>();

    static {
        MODEL_LABELS.put("gpt-image-2", "GPT Image 2");
        MODEL_LABELS.put("gpt-image-1.5", "GPT Image 1.5");
        MODEL_LABELS.put("gpt-image-1-mini", "GPT Image 1 Mini");
    }

    @Test
    void anUnrestrictedRuleSaysAllAndAutoAllowed() {
        RoleRule rule = RoleRule.of(DESIGNERS, "Designers", 0, Set.of(), Set.of(), Set.of());

        assertThat(RuleSummary.describe(rule, MODEL_LABELS)).isEqualTo("Designers: No cooldown · Models: All models"
                + " · Sizes: All sizes (auto allowed) · Qualities: All qualities (auto allowed)");
    }

    @Test
    void restrictedValuesAreListedByLabelInCanonicalOrderWithQuotasAndBudget() {
        RoleRule rule = new RoleRule(DESIGNERS, "Designers", 30, Set.of("gpt-image-1-mini", "gpt-image-2"),
                Set.of("1536x1024", "1024x1024"), Set.of("medium", "low"), 50, 1000, 20_000_000);

        assertThat(RuleSummary.describe(rule, MODEL_LABELS)).isEqualTo("Designers: 30s cooldown"
                + " · Models: GPT Image 2, GPT Image 1 Mini"
                + " · Sizes: 1024x1024 (Square), 1536x1024 (Landscape)"
                + " · Qualities: Low, Medium · 50/day · 1000/month · $20.00/month budget");
    }

    @Test
    void valuesWithoutALabelAreShownAsTheyAreAfterTheKnownOnes() {
        RoleRule rule = RoleRule.of(MARKETING, "Marketing", 60, Set.of("zeta-model", "gpt-image-1.5", "alpha-model"),
                Set.of("2048x2048", "1024x1536"), Set.of("xhigh", "high"));

        assertThat(RuleSummary.describe(rule, MODEL_LABELS)).isEqualTo("Marketing: 60s cooldown"
                + " · Models: GPT Image 1.5, alpha-model, zeta-model"
                + " · Sizes: 1024x1536 (Portrait), 2048x2048 · Qualities: High, xhigh");
    }

    @Test
    void onlyTheLimitsThatApplyAreShown() {
        RoleRule monthlyOnly = new RoleRule(MARKETING, "Marketing", 1, Set.of(), Set.of(), Set.of(), 0, 300, 0);

        assertThat(RuleSummary.describe(monthlyOnly, Map.of())).isEqualTo("Marketing: 1s cooldown"
                + " · Models: All models · Sizes: All sizes (auto allowed)"
                + " · Qualities: All qualities (auto allowed) · 300/month");
    }

    @Test
    void aWorkspaceWithoutRulesIsOpen() {
        assertThat(RuleSummary.describeAll(List.of(), MODEL_LABELS))
                .containsExactly("Open access (no role restrictions)");
    }

    @Test
    void oneLinePerRuleInTheGivenOrder() {
        List<String> lines = RuleSummary.describeAll(List.of(
                RoleRule.of(MARKETING, "Marketing", 60, Set.of(), Set.of(), Set.of()),
                RoleRule.of(DESIGNERS, "Designers", 0, Set.of(), Set.of("1024x1024"), Set.of())), MODEL_LABELS);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Marketing: 60s cooldown");
        assertThat(lines.get(1)).startsWith("Designers: No cooldown").contains("Sizes: 1024x1024 (Square) ·");
    }
}
