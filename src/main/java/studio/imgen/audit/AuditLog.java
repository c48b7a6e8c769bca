package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.USER_DIRECTORY;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import imgen.db.tables.records.AuditLogRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends rows to the append-only audit log. Events a member or a login caused are written in their own transaction
 * and a failure is logged, never thrown: losing one audit row must not lose the member their image (and a rollback
 * of the caller must not erase a denial). Admin changes are the opposite: they join the caller's transaction, so a
 * change is never stored without its audit row (security-reliability.md §4.8).
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** Anything shaped like an OpenAI key; admin changes must describe keys, never carry them. */
    /** Who an automatic change is recorded under. */
    static final String SYSTEM_ACTOR = "ImGen Studio (automatic)";
    private static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9_\\-]{12,}");
    static final int MAX_TEXT = 2_000;

    private final DSLContext db;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(DSLContext db, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records an admin's change with the values before and after, in the caller's transaction (if any): when the
     * audit row cannot be written the exception propagates and the change rolls back with it. Values that look like
     * an OpenAI key are replaced by a description, as a last line of defence.
     *
     * @param action what changed, e.g. {@code api_key.set}, {@code defaults.updated}, {@code rule.updated}
     * @param target what it changed, e.g. a role or member name; empty or null for workspace-wide settings
     */
    public void recordAdminChange(UUID workspaceId, UUID actorId, String action, String target, String before,
                                  String after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", scrubKeys(before));
        details.put("after", scrubKeys(after));
        insert(adminRow(workspaceId, actorId, action, target, details));
    }

    /** As {@link #recordAdminChange(UUID, UUID, String, String, String, String)}, with structured values. */
    public void recordAdminChange(UUID workspaceId, UUID actorId, String action, String target,
                                  Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", scrubKeys(before));
        details.put("after", scrubKeys(after));
        insert(adminRow(workspaceId, actorId, action, target, details));
    }

    /**
     * The retention job expired a batch of images. No user acted, so the actor is the policy; the row lists the
     * images, which the audit view shows as "Image expired". Written in its own transaction, failures logged.
     */
    public void recordImagesExpired(UUID workspaceId, int retentionDays, List<UUID> imageIds) {
        appendIndependently("images expired", () -> {
            AuditLogRecord row = new AuditLogRecord();
            row.setWorkspaceId(workspaceId);
            row.setActorName("Retention policy");
            row.setCategory("admin");
            row.setAction("admin.retention.images_expired");
            row.setOutcome("success");
            row.setTargetType("image");
            row.setImageIds(imageIds.toArray(UUID[]::new));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("retention_days", retentionDays);
            details.put("images", imageIds.size());
            row.setDetails(json(details));
            return List.of(row);
        });
    }

    private AuditLogRecord adminRow(UUID workspaceId, UUID actorId, String action, String target,
                                    Map<String, Object> details) {
        if (workspaceId == null || action == null || !action.matches("[a-z0-9_.]{1,80}")) {
            throw new IllegalArgumentException("An admin change needs a workspace and an action name");
        }
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(workspaceId);
        row.setActorId(actorId);
        // No actor: the application changed it by itself (a model's shutdown date passed).
        row.setActorName(actorId == null ? SYSTEM_ACTOR : displayName(actorId));
        row.setCategory("admin");
        row.setAction("admin." + action);
        row.setOutcome("success");
        row.setTargetType("admin");
        row.setTargetName(cap(target, 200));
        row.setDetails(json(details));
        row.setClientIp(ClientAddress.current());
        return row;
    }

    /** Writes the rows the supplier builds in a transaction of their own; logs and swallows any failure. */
    void appendIndependently(String what, Supplier<List<AuditLogRecord>> rows) {
        try {
            ownTransaction.executeWithoutResult(status -> rows.get().forEach(this::insert));
        } catch (RuntimeException e) {
            log.error("Audit row lost ({}): {}", what, e.toString(), e);
        }
    }

    private void insert(AuditLogRecord row) {
        if (row.getAt() == null) {
            row.setAt(OffsetDateTime.now(clock));
        }
        db.insertInto(AUDIT_LOG).set(row).execute();
    }

    /** The user's display name now, kept in the row so renames and deletions do not rewrite history. */
    String displayName(UUID userId) {
        return userId == null ? null
                : db.select(USER_DIRECTORY.DISPLAY_NAME).from(USER_DIRECTORY).where(USER_DIRECTORY.ID.eq(userId)).fetchOne(USER_DIRECTORY.DISPLAY_NAME);
    }

    JSONB json(Map<String, ?> details) {
        try {
            return JSONB.valueOf(json.writeValueAsString(details));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
    }

    static String cap(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static String scrubKeys(String value) {
        if (value == null) {
            return null;
        }
        return API_KEY.matcher(cap(value, MAX_TEXT)).replaceAll(m -> "[key …" + m.group().substring(m.group().length() - 4) + "]");
    }

    private static Map<String, Object> scrubKeys(Map<String, ?> values) {
        Map<String, Object> scrubbed = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> scrubbed.put(k, v instanceof String s ? scrubKeys(s) : v == null ? null : scrubKeys(v.toString())));
        }
        return scrubbed;
    }
}
