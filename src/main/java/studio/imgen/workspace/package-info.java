/**
 * Workspaces (teams) and their people: who belongs where, who administers a workspace, workspace roles, invitations,
 * switching the active workspace, and the first-start bootstrap that creates the initial admin and workspace.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "security :: ui"})
package studio.imgen.workspace;

import org.springframework.modulith.ApplicationModule;
