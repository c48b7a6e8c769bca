package studio.imgen.access;

import studio.imgen.workspace.AdminActionPerformed;
import studio.imgen.workspace.WorkspaceRole;
import studio.imgen.workspace.WorkspaceRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * The role access grid (imgen-behaviour.md §2.2, §6): workspace roles and their access rules. Every method
 * re-checks in the database that the caller administers their active workspace and touches that workspace only;
 * a role id from another workspace is an invalid selection. Results are the §6 sentences.
 */
@Service
public class RoleAccessService {

    static final int MAX_NAME = 50;
    static final String DEFAULT_COLOUR = "#64748b";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final WorkspaceAccess access;
    private final WorkspaceRoles roles;
    private final RoleRules rules;
    private final ModelCatalog catalog;
    private final ModelAvailability availability;
    private final ApplicationEventPublisher events;

    RoleAccessService(WorkspaceAccess access, WorkspaceRoles roles, RoleRules rules, ModelCatalog catalog,
                      ModelAvailability availability, ApplicationEventPublisher events) {
        this.access = access;
        this.roles = roles;
        this.rules = rules;
        this.catalog = catalog;
        this.availability = availability;
        this.events = events;
    }

    /** Every role in name order, with its member count and rule. */
    @RolesAllowed("ADMIN")
    public List<RoleOverview> roles() {
        Member me = access.requireAdmin();
        Map<UUID, RoleRule> byRole = rules.rulesOf(me.workspaceId()).stream()
                .collect(Collectors.toMap(RoleRule::roleId, r -> r));
        Map<UUID, Integer> counts = roles.memberCounts(me.workspaceId());
        Map<String, String> labels = CatalogOptions.labels(catalog.all());
        return roles.findAll(me.workspaceId()).stream().map(role -> {
            Optional<RoleRule> rule = Optional.ofNullable(byRole.get(role.id()));
            String summary = rule.map(r -> RuleSummary.describe(r, labels)).orElse(byRole.isEmpty()
                    ? "No access rule (access is open while no role has one)"
                    : "No access rule: holding this role alone does not allow generating");
            return new RoleOverview(role, counts.getOrDefault(role.id(), 0), rule, summary);
        }).toList();
    }

    /** The access rules as the settings overview lists them ("Open access …" when there are none). */
    @RolesAllowed("ADMIN")
    public List<String> accessSummary() {
        Member me = access.requireAdmin();
        return RuleSummary.describeAll(rules.rulesOf(me.workspaceId()), CatalogOptions.labels(catalog.all()));
    }

    @RolesAllowed("ADMIN")
    public RuleOptions ruleOptions() {
        Member me = access.requireAdmin();
        OptionCatalog options = CatalogOptions.of(availability.offeredTo(me.workspaceId()));
        return new RuleOptions(options.models().stream().map(m -> new Choice(m.id(), m.label())).toList(),
                concrete(options.sizes()), concrete(options.qualities()));
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public String createRole(String name, String colour) {
        Member me = access.requireAdmin();
        String cleanName = name(name);
        String cleanColour = colour(colour);
        if (roles.nameTaken(me.workspaceId(), cleanName, null)) {
            throw taken(cleanName);
        }
        try {
            roles.insert(me.workspaceId(), cleanName, cleanColour);
        } catch (DuplicateKeyException raced) {
            throw taken(cleanName);
        }
        publish(me, "role.created", cleanName, "", cleanName + " " + cleanColour);
        return "Created role " + cleanName + ".";
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public String updateRole(UUID roleId, String name, String colour) {
        Member me = access.requireAdmin();
        WorkspaceRole role = role(me, roleId);
        String cleanName = name(name);
        String cleanColour = colour(colour);
        if (roles.nameTaken(me.workspaceId(), cleanName, roleId)) {
            throw taken(cleanName);
        }
        try {
            roles.update(me.workspaceId(), roleId, cleanName, cleanColour);
        } catch (DuplicateKeyException raced) {
            throw taken(cleanName);
        }
        publish(me, "role.updated", cleanName, role.name() + " " + role.colour(), cleanName + " " + cleanColour);
        return "Saved role " + cleanName + ".";
    }

    /** Deletes a role and its assignments; refused while the role has an access rule (D16). */
    @RolesAllowed("ADMIN")
    @Transactional
    public String deleteRole(UUID roleId) {
        Member me = access.requireAdmin();
        WorkspaceRole role = role(me, roleId);
        if (rules.hasRule(me.workspaceId(), roleId)) {
            throw new UserInputException(role.name() + " has an access rule. Remove its access rule first.");
        }
        roles.delete(me.workspaceId(), roleId);
        publish(me, "role.deleted", role.name(), role.name(), "");
        return "Deleted role " + role.name() + ".";
    }

    /** Adds the role's rule or replaces it (upsert): "Updated access for {role}." */
    @RolesAllowed("ADMIN")
    @Transactional
    public String saveRule(RuleDraft draft) {
        Member me = access.requireAdmin();
        WorkspaceRole role = role(me, draft.roleId());
        RoleRule rule = normalised(me, role, draft);
        List<RoleRule> before = rules.rulesOf(me.workspaceId());
        RuleChange change = RuleChanges.upsert(before, rule);
        rules.upsert(me.workspaceId(), rule);
        Map<String, String> labels = CatalogOptions.labels(catalog.all());
        publish(me, "rule.updated", role.name(), before.stream().filter(r -> r.roleId().equals(role.id()))
                .findFirst().map(r -> RuleSummary.describe(r, labels)).orElse("no rule"),
                RuleSummary.describe(rule, labels));
        return change.message();
    }

    /**
     * Whether saving this rule would leave the calling admin unable to generate: once any rule exists, only members
     * holding a role with a rule may generate, admins included (imgen-behaviour.md §3). A draft that could not be
     * saved is refused first, with the same sentence {@link #saveRule} gives.
     */
    @RolesAllowed("ADMIN")
    public boolean ruleWouldLockMeOut(RuleDraft draft) {
        Member me = access.requireAdmin();
        WorkspaceRole role = role(me, draft.roleId());
        normalised(me, role, draft);
        Set<UUID> ruled = new HashSet<>();
        rules.rulesOf(me.workspaceId()).forEach(r -> ruled.add(r.roleId()));
        ruled.add(role.id());
        return myRoles(me).stream().noneMatch(ruled::contains);
    }

    private RoleRule normalised(Member me, WorkspaceRole role, RuleDraft draft) {
        // The stored name counts, never one sent along with the form.
        return RuleNormaliser.normalise(new RuleDraft(role.id(), role.name(), draft.cooldown(), draft.models(),
                draft.sizes(), draft.qualities(), draft.dailyQuota(), draft.monthlyQuota(), draft.monthlyBudget(),
                draft.customSizeMax()), CatalogOptions.of(availability.offeredTo(me.workspaceId())));
    }

    /** Saves the rule and gives the calling admin its role, so that restricting access keeps their own. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String saveRuleAndTakeRole(RuleDraft draft) {
        Member me = access.requireAdmin();
        WorkspaceRole role = role(me, draft.roleId());
        String saved = saveRule(draft);
        Set<UUID> mine = new HashSet<>(myRoles(me));
        if (mine.add(role.id())) {
            String before = names(roles.rolesByMember(me.workspaceId()).getOrDefault(me.userId(), List.of()));
            roles.replaceMemberRoles(me.workspaceId(), me.userId(), mine);
            String after = names(roles.rolesByMember(me.workspaceId()).getOrDefault(me.userId(), List.of()));
            publish(me, "member.roles", me.displayName(), before, after);
        }
        return saved + " You now hold the " + role.name() + " role, so you can still generate.";
    }

    private List<UUID> myRoles(Member me) {
        return roles.rolesByMember(me.workspaceId()).getOrDefault(me.userId(), List.of()).stream()
                .map(WorkspaceRole::id).toList();
    }

    private static String names(List<WorkspaceRole> held) {
        return held.stream().map(WorkspaceRole::name).collect(Collectors.joining(", "));
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public String removeRule(UUID roleId) {
        Member me = access.requireAdmin();
        WorkspaceRole role = role(me, roleId);
        List<RoleRule> before = rules.rulesOf(me.workspaceId());
        RuleChange change = RuleChanges.remove(before, role.id(), role.name());
        if (!rules.delete(me.workspaceId(), role.id())) {
            throw new UserInputException("That role is not configured.");
        }
        Map<String, String> labels = CatalogOptions.labels(catalog.all());
        publish(me, "rule.removed", role.name(), before.stream().filter(r -> r.roleId().equals(role.id()))
                .findFirst().map(r -> RuleSummary.describe(r, labels)).orElse(""), "no rule");
        return change.message();
    }

    /** Removes every rule: access becomes open to every member. Cooldown timestamps are kept. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String clearRules() {
        Member me = access.requireAdmin();
        List<RoleRule> before = rules.rulesOf(me.workspaceId());
        RuleChange change = RuleChanges.clear(before);
        // Decided by what was deleted, so of two admins clearing at once only one is told it cleared anything.
        if (!change.changed() || rules.deleteAll(me.workspaceId()) == 0) {
            return RuleChanges.clear(List.of()).message();
        }
        publish(me, "rules.cleared", "", String.join(" | ",
                RuleSummary.describeAll(before, CatalogOptions.labels(catalog.all()))), "open access");
        return change.message();
    }

    private WorkspaceRole role(Member me, UUID roleId) {
        if (roleId == null) {
            throw new UserInputException("You must select a role.");
        }
        return roles.find(me.workspaceId(), roleId).orElseThrow(() -> new UserInputException("Invalid role selection."));
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new UserInputException("Enter a role name.");
        }
        if (name.length() > MAX_NAME) {
            throw new UserInputException("Role names are at most " + MAX_NAME + " characters.");
        }
        return name;
    }

    private static String colour(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_COLOUR;
        }
        if (!COLOUR.matcher(raw.strip()).matches()) {
            throw new UserInputException("Choose a colour like #2563eb.");
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private static UserInputException taken(String name) {
        return new UserInputException("A role named “" + name + "” already exists.");
    }

    private static List<Choice> concrete(List<Choice> canonical) {
        return canonical.stream().filter(c -> !c.value().equals(OptionCatalog.AUTO)).toList();
    }

    private void publish(Member me, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), action, target, before, after));
    }
}
