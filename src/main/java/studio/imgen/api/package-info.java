/**
 * The OpenAI-compatible images API for scripts and tools: personal access tokens (created by members, stored as
 * hashes, revocable by their owner and by workspace admins), the stateless Bearer-token filter chain for {@code /v1},
 * and the {@code /v1/images/generations}, {@code /v1/images/edits} and {@code /v1/models} endpoints, which run every
 * call through the same submission, admission, job, storage and audit as the Generate view.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "workspace", "catalog", "access", "admin", "storage", "generate", "shell"})
package studio.imgen.api;

import org.springframework.modulith.ApplicationModule;
