package studio.imgen.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import studio.imgen.gallery.ImagesExpired;

/** Records what the retention job deleted: one audit row per batch, listing the expired images. */
@Component
class RetentionAuditor {

    private final AuditLog auditLog;

    RetentionAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(ImagesExpired e) {
        auditLog.recordImagesExpired(e.workspaceId(), e.retentionDays(), e.imageIds());
    }
}
