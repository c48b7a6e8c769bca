/** Workspace administration: settings and the encrypted OpenAI key, defaults, role access rules and the access policy. */
package studio.imgen.admin;
