package studio.imgen.audit;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.AuditLogRecord;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.generate.GenerationDenied;
import studio.imgen.generate.GenerationRecorded;
import studio.imgen.generate.GenerationStatus;

/**
 * One audit row per generation outcome: admitted, succeeded, failed, cancelled, interrupted (read from the committed
 * generation row, so the row holds what was really sent and returned) and denied (from the event, since a refused
 * submission has no row).
 */
@Component
class GenerationAuditor {

    static final int MAX_PROMPT = 32_000;
    /** Details key naming the API token a generation came through (absent for the UI). */
    static final String VIA_TOKEN = "via_token";

    private final AuditLog auditLog;
    private final DSLContext db;

    GenerationAuditor(AuditLog auditLog, DSLContext db) {
        this.auditLog = auditLog;
        this.db = db;
    }

    /** Runs before other listeners of the event (the webhook), so what they do can rely on the row being there. */
    @EventListener
    @Order(0)
    void on(GenerationRecorded event) {
        auditLog.appendIndependently("generation " + event.generationId() + " " + event.status(),
                () -> List.of(rowFor(event)));
    }

    @EventListener
    @Order(0)
    void on(GenerationDenied event) {
        auditLog.appendIndependently("denied generation", () -> List.of(rowFor(event)));
    }

    private AuditLogRecord rowFor(GenerationRecorded event) {
        GenerationRecord g = db.selectFrom(GENERATION)
                .where(GENERATION.ID.eq(event.generationId()).and(GENERATION.WORKSPACE_ID.eq(event.workspaceId())))
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("generation row is gone"));
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(g.getWorkspaceId());
        row.setActorId(g.getUserId());
        row.setActorName(auditLog.displayName(g.getUserId()));
        row.setCategory("generation");
        row.setAction(g.getKind());
        row.setStatus(status(event.status()));
        row.setOutcome(outcome(event.status()));
        row.setTargetType("generation");
        row.setTargetId(g.getId());
        row.setGenerationId(g.getId());
        row.setPrompt(g.getPrompt());
        row.setModel(g.getModel());
        row.setSize(g.getSize());
        row.setQuality(g.getQuality());
        row.setN(g.getN());
        row.setBackground(g.getBackground());
        row.setOutputFormat(g.getOutputFormat());
        row.setModeration(g.getModeration());
        row.setReferenceCount(g.getReferenceCount());
        row.setHasMask(g.getHasMask());
        row.setParentImageId(g.getParentImageId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("submission_id", g.getSubmissionId().toString());
        details.put("output_compression", g.getOutputCompression());
        details.put("input_fidelity", g.getInputFidelity());
        if (event.status() == GenerationStatus.QUEUED) {
            // Admission happens on the member's request thread: its client address is known only now.
            row.setClientIp(ClientAddress.current());
            details.put(VIA_TOKEN, TokenUse.current());
        } else {
            details.put(VIA_TOKEN, TokenUse.recordedFor(db, g.getWorkspaceId(), g.getId()));
            row.setReason(g.getErrorCode());
            row.setLatencyMs(millisBetween(g.getCreatedAt(), g.getFinishedAt()));
            row.setOpenaiRequestId(g.getOpenaiRequestId());
            row.setTextInputTokens(g.getTextInputTokens());
            row.setImageInputTokens(g.getImageInputTokens());
            row.setImageOutputTokens(g.getImageOutputTokens());
            row.setTextOutputTokens(g.getTextOutputTokens());
            row.setCostMicros(g.getCostMicros());
            row.setCostEstimated(g.getCostEstimated());
            details.put("queue_ms", millisBetween(g.getCreatedAt(), g.getStartedAt()));
            details.put("upstream_ms", millisBetween(g.getRequestSentAt(), g.getFinishedAt()));
            details.put("attempts", g.getAttempt());
            details.put("error_message", g.getErrorMessage());
            // Raw upstream detail: the member never sees it, workspace admins do (imgen-behaviour §4.6).
            details.put("error_detail", g.getErrorDetail());
            details.put("result_size", g.getResultSize());
            details.put("result_quality", g.getResultQuality());
            details.put("result_background", g.getResultBackground());
            details.put("revised_prompt", g.getRevisedPrompt());
        }
        if (event.status() == GenerationStatus.SUCCEEDED) {
            row.setImageIds(db.select(IMAGE.ID).from(IMAGE)
                    .where(IMAGE.GENERATION_ID.eq(g.getId()).and(IMAGE.WORKSPACE_ID.eq(g.getWorkspaceId()))
                            .and(IMAGE.ROLE.eq("result")))
                    .orderBy(IMAGE.POSITION)
                    .fetch(IMAGE.ID)
                    .toArray(java.util.UUID[]::new));
        }
        details.values().removeIf(java.util.Objects::isNull);
        row.setDetails(auditLog.json(details));
        return row;
    }

    private AuditLogRecord rowFor(GenerationDenied event) {
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(event.workspaceId());
        row.setActorId(event.userId());
        row.setActorName(auditLog.displayName(event.userId()));
        row.setCategory("generation");
        row.setAction(event.referenceCount() > 0 ? "edit" : "generate");
        row.setStatus("denied");
        row.setOutcome("denied");
        row.setReason(AuditLog.cap(event.reason(), AuditLog.MAX_TEXT));
        // What was asked, as typed: a refusal may be about exactly these values, so they are not normalised.
        row.setPrompt(AuditLog.cap(event.prompt(), MAX_PROMPT));
        row.setModel(AuditLog.cap(event.model(), 100));
        row.setSize(AuditLog.cap(event.size(), 100));
        row.setQuality(AuditLog.cap(event.quality(), 100));
        row.setN(event.n());
        row.setReferenceCount(event.referenceCount());
        row.setClientIp(ClientAddress.current());
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.prompt() != null && event.prompt().length() > MAX_PROMPT) {
            details.put("prompt_truncated_from", event.prompt().length());
        }
        details.put(VIA_TOKEN, TokenUse.current());
        details.values().removeIf(java.util.Objects::isNull);
        row.setDetails(auditLog.json(details));
        return row;
    }

    static String status(GenerationStatus status) {
        return status == GenerationStatus.QUEUED ? "admitted" : status.dbValue();
    }

    static String outcome(GenerationStatus status) {
        return switch (status) {
            case FAILED, INTERRUPTED -> "failure";
            case CANCELLED -> "cancelled";
            case QUEUED, RUNNING, SUCCEEDED -> "success";
        };
    }

    private static Long millisBetween(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
