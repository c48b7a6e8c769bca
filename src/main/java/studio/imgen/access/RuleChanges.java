package studio.imgen.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import studio.imgen.base.UserInputException;

/** The admin actions on a workspace's rule list (imgen-behaviour.md §6), with their original messages. */
public final class RuleChanges {

    private RuleChanges() {
    }

    /** Adds the rule, or replaces the role's existing rule in place: at most one rule per role. */
    public static RuleChange upsert(List<RoleRule> rules, RoleRule rule) {
        List<RoleRule> result = new ArrayList<>(rules);
        int existing = indexOf(rules, rule.roleId());
        if (existing >= 0) {
            result.set(existing, rule);
        } else {
            result.add(rule);
        }
        return new RuleChange(result, true, "Updated access for " + rule.roleName() + ".");
    }

    public static RuleChange remove(List<RoleRule> rules, UUID roleId, String roleName) {
        if (roleId == null) {
            throw new UserInputException("You must select a role.");
        }
        int existing = indexOf(rules, roleId);
        if (existing < 0) {
            throw new UserInputException("That role is not configured.");
        }
        List<RoleRule> result = new ArrayList<>(rules);
        result.remove(existing);
        return new RuleChange(result, true, "Removed access for " + roleName + ".");
    }

    /** Removes every rule, which opens access to everyone. Cooldown timestamps are kept by the caller. */
    public static RuleChange clear(List<RoleRule> rules) {
        if (rules.isEmpty()) {
            return new RuleChange(List.of(), false, "No role restrictions are currently configured.");
        }
        return new RuleChange(List.of(), true,
                "All role restrictions cleared. Image generation is now open to everyone.");
    }

    private static int indexOf(List<RoleRule> rules, UUID roleId) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).roleId().equals(roleId)) {
                return i;
            }
        }
        return -1;
    }
}
