package studio.imgen.audit;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_MEMBERSHIP;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.security.LoginAttempted;

/**
 * Login attempts in the audit log. An account belongs to workspaces, not the other way round, so an attempt on a
 * known account is recorded once in each workspace the account belongs to: every team's admins see what happens to
 * their members' accounts. An attempt on an unknown name belongs to no workspace and is kept at instance level.
 */
@Component
class LoginAuditor {

    private final AuditLog auditLog;
    private final DSLContext db;

    LoginAuditor(AuditLog auditLog, DSLContext db) {
        this.auditLog = auditLog;
        this.db = db;
    }

    @EventListener
    void on(LoginAttempted event) {
        auditLog.appendIndependently("login " + event.outcome(), () -> rowsFor(event));
    }

    private List<AuditLogRecord> rowsFor(LoginAttempted event) {
        String typed = event.username() == null ? "" : event.username();
        UUID userId = event.userId() != null ? event.userId() : accountOf(typed);
        String name = userId == null ? null : auditLog.displayName(userId);
        List<UUID> workspaces = userId == null ? List.of()
                : db.select(WORKSPACE_MEMBERSHIP.WORKSPACE_ID).from(WORKSPACE_MEMBERSHIP)
                        .where(WORKSPACE_MEMBERSHIP.USER_ID.eq(userId)).fetch(WORKSPACE_MEMBERSHIP.WORKSPACE_ID);
        List<AuditLogRecord> rows = new ArrayList<>();
        for (UUID workspaceId : workspaces.isEmpty() ? java.util.Collections.<UUID>singletonList(null) : workspaces) {
            AuditLogRecord row = new AuditLogRecord();
            row.setWorkspaceId(workspaceId);
            row.setActorId(userId);
            row.setActorName(AuditLog.cap(name != null ? name : typed, 200));
            row.setCategory("login");
            row.setAction("login");
            row.setStatus(status(event.outcome()));
            row.setOutcome(event.outcome() == LoginAttempted.Outcome.SUCCESS ? "success"
                    : event.outcome() == LoginAttempted.Outcome.BAD_CREDENTIALS ? "failure" : "denied");
            row.setTargetType("user");
            row.setTargetId(userId);
            row.setClientIp(AuditLog.cap(event.clientAddress(), 64));
            row.setDetails(auditLog.json(Map.of("username", AuditLog.cap(typed, 200))));
            rows.add(row);
        }
        return rows;
    }

    private UUID accountOf(String username) {
        return db.select(USER_DIRECTORY.ID).from(USER_DIRECTORY).where(DSL.lower(USER_DIRECTORY.USERNAME).eq(username.strip().toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(USER_DIRECTORY.ID).orElse(null);
    }

    static String status(LoginAttempted.Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "succeeded";
            case BAD_CREDENTIALS -> "failed";
            case THROTTLED -> "throttled";
            case DISABLED -> "disabled";
        };
    }
}
