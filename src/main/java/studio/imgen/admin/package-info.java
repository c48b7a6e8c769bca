/**
 * Workspace administration: settings and the encrypted OpenAI key, defaults, retention, role access rules with the
 * access policy and admission, and the model lifecycle jobs that keep settings and rules on live models. The
 * workspace's people are in {@code workspace}, the catalogue editor in {@code catalog}.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "security :: ui", "workspace", "workspace :: ui", "catalog", "openai", "shell"})
package studio.imgen.admin;

import org.springframework.modulith.ApplicationModule;
