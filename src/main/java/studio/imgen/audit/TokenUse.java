package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_LOG;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import studio.imgen.security.TokenCaller;

/**
 * The name of the API token behind a generation: taken from the caller on the request thread when it is admitted,
 * and from that audit row afterwards (the worker's thread knows no caller).
 */
final class TokenUse {

    private TokenUse() {
    }

    static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof TokenCaller caller
                ? AuditLog.cap(caller.tokenName(), 100) : null;
    }

    /** The token recorded on the generation's admitted row, or null for the UI. */
    static String recordedFor(DSLContext db, UUID workspaceId, UUID generationId) {
        return db.select(DSL.jsonbGetAttributeAsText(AUDIT_LOG.DETAILS, GenerationAuditor.VIA_TOKEN)).from(AUDIT_LOG)
                .where(AUDIT_LOG.WORKSPACE_ID.eq(workspaceId).and(AUDIT_LOG.GENERATION_ID.eq(generationId))
                        .and(AUDIT_LOG.STATUS.eq("admitted")))
                .limit(1)
                .fetchOptional(0, String.class)
                .orElse(null);
    }
}
