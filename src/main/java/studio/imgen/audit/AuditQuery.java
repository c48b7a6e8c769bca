package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_LOG;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import imgen.db.tables.records.AuditLogRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the audit log of one workspace: keyset pages newest first on (at, seq), totals and a streamed scan. Every
 * statement takes the workspace id; the filters map onto the indexes of V020.
 */
@Repository
class AuditQuery {

    static final int PREVIEW = 200;
    /** Rows the driver fetches per round trip while streaming (PostgreSQL uses a cursor only inside a transaction). */
    static final int STREAM_FETCH_SIZE = 1_000;

    private final DSLContext db;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    AuditQuery(DSLContext db, PlatformTransactionManager transactions, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    Condition where(UUID workspaceId, AuditFilter filter) {
        Condition c = AUDIT_LOG.WORKSPACE_ID.eq(workspaceId);
        if (filter.upToSeq() != null) {
            c = c.and(AUDIT_LOG.SEQ.le(filter.upToSeq()));
        }
        if (filter.from() != null) {
            c = c.and(AUDIT_LOG.AT.ge(startOf(filter.from())));
        }
        if (filter.to() != null) {
            c = c.and(AUDIT_LOG.AT.lt(startOf(filter.to().plusDays(1))));
        }
        if (filter.userId() != null) {
            c = c.and(AUDIT_LOG.ACTOR_ID.eq(filter.userId()));
        }
        if (filter.action() != null) {
            c = c.and(switch (filter.action()) {
                case GENERATIONS -> AUDIT_LOG.CATEGORY.eq("generation");
                case GENERATE -> AUDIT_LOG.CATEGORY.eq("generation").and(AUDIT_LOG.ACTION.eq("generate"));
                case EDIT -> AUDIT_LOG.CATEGORY.eq("generation").and(AUDIT_LOG.ACTION.eq("edit"));
                case LOGINS -> AUDIT_LOG.CATEGORY.eq("login");
                case ADMIN_CHANGES -> AUDIT_LOG.CATEGORY.eq("admin");
            });
        }
        if (filter.model() != null) {
            c = c.and(AUDIT_LOG.MODEL.eq(filter.model()));
        }
        if (filter.status() != null) {
            c = c.and(AUDIT_LOG.STATUS.eq(filter.status()));
        }
        if (filter.text() != null) {
            // websearch_to_tsquery never fails on user input (unbalanced quotes, operators) and the value is bound.
            c = c.and(DSL.condition("{0} @@ websearch_to_tsquery('simple'::regconfig, {1})",
                    AUDIT_LOG.PROMPT_SEARCH, DSL.val(filter.text())));
        }
        return c;
    }

    /**
     * The newest sequence number of the whole log (an index-only lookup): pins a filter to the log as it is now.
     * Only ever used as an upper bound inside a workspace-scoped query, never shown.
     */
    long latestSeq() {
        Long max = db.select(DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** "Ana", or "Ana (via token ci-bot)" for what came through the images API. */
    private static final org.jooq.Field<String> ACTOR = DSL.coalesce(
            DSL.concat(AUDIT_LOG.ACTOR_NAME, DSL.inline(" (via token "),
                    DSL.jsonbGetAttributeAsText(AUDIT_LOG.DETAILS, GenerationAuditor.VIA_TOKEN), DSL.inline(")")),
            AUDIT_LOG.ACTOR_NAME).as("actor");

    List<AuditRow> page(UUID workspaceId, AuditFilter filter, AuditCursor after, int skip, int limit) {
        Condition c = where(workspaceId, filter);
        if (after != null) {
            c = c.and(DSL.row(AUDIT_LOG.AT, AUDIT_LOG.SEQ).lt(utc(after.at()), after.seq()));
        }
        return db.select(AUDIT_LOG.SEQ, AUDIT_LOG.AT, ACTOR, AUDIT_LOG.CATEGORY, AUDIT_LOG.ACTION,
                        AUDIT_LOG.MODEL, AUDIT_LOG.SIZE, AUDIT_LOG.QUALITY, AUDIT_LOG.STATUS, AUDIT_LOG.COST_MICROS, AUDIT_LOG.COST_ESTIMATED,
                        AUDIT_LOG.IMAGE_IDS, DSL.substring(AUDIT_LOG.PROMPT, 1, PREVIEW).as("preview"),
                        AUDIT_LOG.GENERATION_ID)
                .from(AUDIT_LOG)
                .where(c)
                .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.SEQ.desc())
                .offset(skip)
                .limit(limit)
                .fetch(r -> new AuditRow(r.get(AUDIT_LOG.SEQ), r.get(AUDIT_LOG.AT).toInstant(),
                        r.get(ACTOR), r.get(AUDIT_LOG.CATEGORY), r.get(AUDIT_LOG.ACTION),
                        r.get(AUDIT_LOG.MODEL), r.get(AUDIT_LOG.SIZE), r.get(AUDIT_LOG.QUALITY),
                        r.get(AUDIT_LOG.STATUS), r.get(AUDIT_LOG.COST_MICROS), r.get(AUDIT_LOG.COST_ESTIMATED),
                        Arrays.asList(r.get(AUDIT_LOG.IMAGE_IDS)),
                        r.get("preview", String.class), r.get(AUDIT_LOG.GENERATION_ID)));
    }

    AuditTotals totals(UUID workspaceId, AuditFilter filter) {
        var images = DSL.coalesce(DSL.sum(DSL.cardinality(AUDIT_LOG.IMAGE_IDS)), DSL.inline(java.math.BigDecimal.ZERO));
        var cost = DSL.coalesce(DSL.sum(AUDIT_LOG.COST_MICROS), DSL.inline(java.math.BigDecimal.ZERO));
        var estimated = DSL.coalesce(DSL.sum(DSL.when(AUDIT_LOG.COST_ESTIMATED, AUDIT_LOG.COST_MICROS)),
                DSL.inline(java.math.BigDecimal.ZERO));
        Record r = db.select(DSL.count(), images, cost, estimated).from(AUDIT_LOG).where(where(workspaceId, filter))
                .fetchOne();
        return new AuditTotals(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class));
    }

    Optional<AuditDetail> detail(UUID workspaceId, long seq) {
        return db.select(detailFields()).from(AUDIT_LOG)
                .where(AUDIT_LOG.WORKSPACE_ID.eq(workspaceId).and(AUDIT_LOG.SEQ.eq(seq)))
                .fetchOptional(r -> detail(r.into(AUDIT_LOG)));
    }

    /**
     * Streams the given columns of every entry of the filter, newest first, through {@code each} with constant
     * memory: a server-side cursor inside one read-only transaction, {@link #STREAM_FETCH_SIZE} rows per round trip.
     */
    void forEach(UUID workspaceId, AuditFilter filter, List<? extends SelectField<?>> fields, Consumer<Record> each) {
        readOnly.executeWithoutResult(status -> {
            try (Cursor<Record> cursor = db.select(fields).from(AUDIT_LOG)
                    .where(where(workspaceId, filter))
                    .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.SEQ.desc())
                    .fetchSize(STREAM_FETCH_SIZE)
                    .fetchLazy()) {
                for (Record r : cursor) {
                    each.accept(r);
                }
            }
        });
    }

    private static List<SelectField<?>> detailFields() {
        // Everything except the search vector, which is derived from the prompt.
        return Arrays.stream(AUDIT_LOG.fields()).filter(f -> !f.equals(AUDIT_LOG.PROMPT_SEARCH))
                .<SelectField<?>>map(f -> f).toList();
    }

    private AuditDetail detail(AuditLogRecord r) {
        return new AuditDetail(r.getSeq(), r.getAt().toInstant(), r.getActorId(), r.getActorName(), r.getCategory(),
                r.getAction(), r.getOutcome(), r.getStatus(), r.getReason(), r.getTargetType(), r.getTargetId(),
                r.getTargetName(), r.getGenerationId(), r.getPrompt(), r.getModel(), r.getSize(), r.getQuality(),
                r.getN(), r.getBackground(), r.getOutputFormat(), r.getModeration(), r.getReferenceCount(),
                r.getHasMask(), r.getParentImageId(), r.getLatencyMs(), r.getOpenaiRequestId(),
                r.getTextInputTokens(), r.getImageInputTokens(), r.getImageOutputTokens(), r.getTextOutputTokens(),
                r.getCostMicros(), r.getCostEstimated(), Arrays.asList(r.getImageIds()), details(r.getDetails()), r.getClientIp());
    }

    private Map<String, Object> details(org.jooq.JSONB value) {
        if (value == null) {
            return Map.of();
        }
        return json.readValue(value.data(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
