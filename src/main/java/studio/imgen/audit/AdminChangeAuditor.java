package studio.imgen.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import studio.imgen.workspace.AdminActionPerformed;

/** Records every admin change in the audit log (never the key: the admin module sends only "…abcd"). */
@Component
class AdminChangeAuditor {

    private final AuditLog auditLog;

    AdminChangeAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Published inside the admin service's transaction: the row commits or rolls back with the change. */
    @EventListener
    void on(AdminActionPerformed e) {
        auditLog.recordAdminChange(e.workspaceId(), e.actorId(), e.action(), e.target(), e.before(), e.after());
    }
}
