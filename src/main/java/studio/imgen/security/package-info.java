/**
 * Who is logged in and what they may do: accounts, password policy, login throttling, the security filter chains
 * and {@link studio.imgen.security.CurrentUser} (the user plus their active workspace). Workspace membership
 * itself belongs to the {@code workspace} module and is reached through {@link studio.imgen.security.MembershipLookup}.
 */
@ApplicationModule(allowedDependencies = {"base"})
package studio.imgen.security;

import org.springframework.modulith.ApplicationModule;
