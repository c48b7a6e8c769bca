package studio.imgen.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The role rules as the model lifecycle (admin) sees them: which rules name a model, and moving those rules to its
 * replacement. Callers check who asks and run inside their transaction, so the move is audited as one change.
 */
@Component
public class RuleModels {

    private final RoleRules rules;

    RuleModels(RoleRules rules) {
        this.rules = rules;
    }

    /** The workspace's rules, in role-name order. */
    public List<RoleRule> rulesOf(UUID workspaceId) {
        return rules.rulesOf(workspaceId);
    }

    /** Replaces {@code modelId} by {@code replacementId} in every rule that names it; returns what changed. */
    public List<Move> replace(UUID workspaceId, String modelId, String replacementId) {
        List<Move> moves = new ArrayList<>();
        for (RoleRule rule : rules.rulesOf(workspaceId)) {
            if (rule.models().contains(modelId)) {
                Set<String> replaced = new TreeSet<>(rule.models());
                replaced.remove(modelId);
                replaced.add(replacementId);
                rules.upsert(workspaceId, rule.withModels(replaced));
                moves.add(new Move("rule " + rule.roleName() + ": " + String.join(" ", new TreeSet<>(rule.models())),
                        "rule " + rule.roleName() + ": " + String.join(" ", replaced)));
            }
        }
        return moves;
    }

    /** One rule's models before and after, as the audit log shows them. */
    public record Move(String before, String after) {
    }
}
