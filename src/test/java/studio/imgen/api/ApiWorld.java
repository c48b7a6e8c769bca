package studio.imgen.api;

import java.util.Set;
import java.util.UUID;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.Canaries;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * A workspace with a key, an admin (Dana) and a member (Ana), for calling the images API as Ana with a token. Rules
 * are set through the admin services, as Dana would; every token secret is a registered canary, so a token that
 * shows up in a log line or a response fails the test.
 */
record ApiWorld(UUID workspaceId, TestUser dana, TestUser ana, MembershipLookup memberships, ApiTokenService tokens,
                RoleAccessService roles, MemberService members) {

    static ApiWorld create(TestUsers users, MembershipLookup memberships, ApiTokenService tokens,
                           RoleAccessService roles, MemberService members) {
        UUID id = users.workspaceWithKey("Api");
        return new ApiWorld(id, users.admin(id, "Dana"), users.member(id, "Ana"), memberships, tokens, roles, members);
    }

    /** A new token of Ana's (or another member's), its secret registered as a canary. */
    String tokenOf(TestUser user, String name) {
        try {
            LoggedIn.as(user, memberships);
            return Canaries.register(tokens.create(name, 30).secret());
        } finally {
            LoggedIn.nobody();
        }
    }

    /** Gives Ana a role with this rule: cooldown in seconds, then allowed models, sizes, qualities (empty = all). */
    void ruleForAna(int cooldown, Set<String> models, Set<String> sizes, Set<String> qualities) {
        try {
            LoggedIn.as(dana, memberships);
            String name = TestUsers.unique("Scripts");
            roles.createRole(name, null);
            UUID role = roles.roles().stream().filter(r -> r.role().name().equals(name)).findFirst().orElseThrow()
                    .role().id();
            roles.saveRule(new RuleDraft(role, null, String.valueOf(cooldown), models, sizes, qualities, null, null,
                    null));
            members.assignRoles(ana.id(), Set.of(role));
        } finally {
            LoggedIn.nobody();
        }
    }
}
