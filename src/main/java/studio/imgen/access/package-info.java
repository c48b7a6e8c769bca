/**
 * Who may generate what: the access policy (a pure function of role rules, usage and the catalogue), the role access
 * rules and their editing service, and atomic admission (cooldown, quotas and budget in one statement). Owns the
 * {@code role_rule} and {@code member_usage} tables. The modules that generate ask it two questions through
 * {@link studio.imgen.access.AccessControl}: what may this member choose, and admit this request. Workspace settings
 * come in through the {@link studio.imgen.access.PolicySettings} port that their owner (admin) implements, and roles
 * through {@code workspace}, so this module sits below admin.
 */
@ApplicationModule(allowedDependencies = {"base", "workspace", "catalog"})
package studio.imgen.access;

import org.springframework.modulith.ApplicationModule;
