/**
 * Workspace administration: settings and the encrypted OpenAI key, defaults, retention, the admin console (including
 * the role-rules editor, a view over {@code access}'s rule service), and the model lifecycle jobs that keep settings
 * and rules on live models. The workspace's people are in {@code workspace}, the catalogue editor in {@code catalog},
 * the access policy, rules and admission in {@code access}, which reads these settings through the port it declares.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "security :: ui", "workspace", "workspace :: ui", "catalog", "access", "openai", "shell"})
package studio.imgen.admin;

import org.springframework.modulith.ApplicationModule;
