package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.imgen.access.AccessPolicyTest.DESIGNERS;
import static studio.imgen.access.AccessPolicyTest.MARKETING;
import static studio.imgen.access.AccessPolicyTest.QUICK;
import static studio.imgen.access.AccessPolicyTest.rule;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.imgen.base.UserInputException;

class RuleChangesTest {

    static final RoleRule DESIGNERS_60 = rule(DESIGNERS, "Designers", 60);
    static final RoleRule MARKETING_30 = rule(MARKETING, "Marketing", 30);

    @Test
    void upsertAppendsARuleForANewRole() {
        RuleChange change = RuleChanges.upsert(List.of(DESIGNERS_60), MARKETING_30);

        assertThat(change.rules()).containsExactly(DESIGNERS_60, MARKETING_30);
        assertThat(change.changed()).isTrue();
        assertThat(change.message()).isEqualTo("Updated access for Marketing.");
    }

    @Test
    void upsertReplacesTheRolesRuleInPlace() {
        RoleRule designers10 = rule(DESIGNERS, "Designers", 10);

        RuleChange change = RuleChanges.upsert(List.of(DESIGNERS_60, MARKETING_30), designers10);

        assertThat(change.rules()).containsExactly(designers10, MARKETING_30);
        assertThat(change.message()).isEqualTo("Updated access for Designers.");
    }

    @Test
    void removeDropsOnlyThatRolesRule() {
        RuleChange change = RuleChanges.remove(List.of(DESIGNERS_60, MARKETING_30), DESIGNERS, "Designers");

        assertThat(change.rules()).containsExactly(MARKETING_30);
        assertThat(change.changed()).isTrue();
        assertThat(change.message()).isEqualTo("Removed access for Designers.");
    }

    @Test
    void removeNeedsARoleThatHasARule() {
        assertThatThrownBy(() -> RuleChanges.remove(List.of(DESIGNERS_60), QUICK, "Quick"))
                .isInstanceOf(UserInputException.class).hasMessage("That role is not configured.");
        assertThatThrownBy(() -> RuleChanges.remove(List.of(DESIGNERS_60), null, null))
                .isInstanceOf(UserInputException.class).hasMessage("You must select a role.");
    }

    @Test
    void clearEmptiesTheListAndSaysWhetherThereWasAnythingToClear() {
        RuleChange cleared = RuleChanges.clear(List.of(DESIGNERS_60));
        RuleChange nothing = RuleChanges.clear(List.of());

        assertThat(cleared.rules()).isEmpty();
        assertThat(cleared.changed()).isTrue();
        assertThat(cleared.message())
                .isEqualTo("All role restrictions cleared. Image generation is now open to everyone.");
        assertThat(nothing.rules()).isEmpty();
        assertThat(nothing.changed()).isFalse();
        assertThat(nothing.message()).isEqualTo("No role restrictions are currently configured.");
    }

    @Test
    void inputListsAreNotModified() {
        List<RoleRule> rules = new ArrayList<>(List.of(DESIGNERS_60));

        RuleChanges.upsert(rules, MARKETING_30);
        RuleChanges.remove(rules, DESIGNERS, "Designers");

        assertThat(rules).containsExactly(DESIGNERS_60);
    }
}
