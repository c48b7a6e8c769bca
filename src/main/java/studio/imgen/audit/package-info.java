/**
 * The append-only audit log (fed by events from generate and security, and by admin changes through
 * {@link studio.imgen.audit.AuditLog#recordAdminChange}), its admin view and CSV export, usage and cost reporting,
 * and the optional per-workspace log webhook.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "workspace", "catalog", "access", "admin", "gallery", "generate", "generate :: ui", "shell"})
package studio.imgen.audit;

import org.springframework.modulith.ApplicationModule;
