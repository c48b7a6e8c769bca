package studio.imgen.testsupport;

import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.workspace.MemberService;
import java.util.Set;
import java.util.UUID;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The workspace of imgen-behaviour.md §9: "Acme" with a key, members Ana, Ben and Cleo, admin Dana. Roles and rules
 * are made through the admin services, as Dana would.
 */
public record Acme(UUID id, TestUser dana, TestUser ana, TestUser ben, TestUser cleo, TestUsers users,
            MembershipLookup memberships, RoleAccessService roles, MemberService members) {

    public static Acme create(TestUsers users, MembershipLookup memberships, RoleAccessService roles, MemberService members) {
        UUID id = users.workspaceWithKey("Acme");
        return new Acme(id, users.admin(id, "Dana"), users.member(id, "Ana"), users.member(id, "Ben"),
                users.member(id, "Cleo"), users, memberships, roles, members);
    }

    public void asDana() {
        LoggedIn.as(dana, memberships);
    }

    public void as(TestUser user) {
        LoggedIn.as(user, memberships);
    }

    /** Creates the role (as Dana) and returns its id. */
    public UUID role(String name) {
        asDana();
        roles.createRole(name, null);
        return roles.roles().stream().filter(r -> r.role().name().equals(name)).findFirst().orElseThrow().role().id();
    }

    /** Creates the role with a rule (as Dana): cooldown, then models, sizes and qualities (empty = all). */
    public UUID roleWithRule(String name, int cooldown, Set<String> models, Set<String> sizes, Set<String> qualities) {
        UUID role = role(name);
        roles.saveRule(new RuleDraft(role, null, String.valueOf(cooldown), models, sizes, qualities, null, null, null));
        return role;
    }

    public void give(TestUser member, UUID... roleIds) {
        asDana();
        members.assignRoles(member.id(), Set.of(roleIds));
    }
}
