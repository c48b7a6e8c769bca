/**
 * Workspaces (teams) and their members: who belongs where, who administers a workspace, switching the active
 * workspace, and the first-start bootstrap that creates the initial admin and workspace.
 */
package studio.imgen.workspace;
