package studio.imgen.access;

import java.util.List;

/**
 * A workspace's rules after an admin action, and the message shown to the admin.
 *
 * @param changed false when the action had nothing to do (nothing to store or audit)
 */
public record RuleChange(List<RoleRule> rules, boolean changed, String message) {

    public RuleChange {
        rules = List.copyOf(rules);
    }
}
