package studio.imgen.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.AuditLogRecord;
import studio.imgen.catalog.OptionValue;
import studio.imgen.generate.GenerationAdmitted;
import studio.imgen.generate.GenerationDenied;
import studio.imgen.generate.GenerationFinished;
import studio.imgen.generate.GenerationRecorded;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.RecordedRequest;

/**
 * One audit row per generation outcome: admitted, succeeded, failed, cancelled, interrupted (from the event, which
 * carries the committed job: what was really sent and returned) and denied (what was asked, since a refused submission
 * has no job).
 */
@Component
class GenerationAuditor {

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
        RecordedRequest g = event.request();
        AuditLogRecord row = new AuditLogRecord();
        row.setWorkspaceId(event.workspaceId());
        row.setActorId(event.userId());
        row.setActorName(auditLog.displayName(event.userId()));
        row.setCategory("generation");
        row.setAction(g.kind());
        row.setStatus(status(event.status()));
        row.setOutcome(outcome(event.status()));
        row.setTargetType("generation");
        row.setTargetId(event.generationId());
        row.setGenerationId(event.generationId());
        row.setPrompt(g.prompt());
        ImageOptions options = g.options();
        row.setModel(options.model());
        row.setSize(options.size());
        row.setQuality(options.quality());
        row.setN(options.n());
        row.setBackground(OptionValue.wireOf(options.background()));
        row.setOutputFormat(OptionValue.wireOf(options.outputFormat()));
        row.setModeration(OptionValue.wireOf(options.moderation()));
        row.setReferenceCount(g.referenceCount());
        row.setHasMask(g.hasMask());
        row.setParentImageId(g.parentImageId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("submission_id", g.submissionId().toString());
        details.put("output_compression", options.outputCompression());
        details.put("input_fidelity", OptionValue.wireOf(options.inputFidelity()));
        switch (event) {
            case GenerationAdmitted admitted -> {
                // Admission happens on the member's request thread: its client address is known only now.
                row.setClientIp(ClientAddress.current());
                details.put(VIA_TOKEN, TokenUse.current());
            }
            case GenerationFinished finished -> {
                GenerationFinished.Outcome o = finished.outcome();
                details.put(VIA_TOKEN, TokenUse.recordedFor(db, event.workspaceId(), event.generationId()));
                row.setReason(o.errorCode());
                row.setLatencyMs(millisBetween(g.createdAt(), o.finishedAt()));
                row.setOpenaiRequestId(o.openaiRequestId());
                row.setTextInputTokens(o.textInputTokens());
                row.setImageInputTokens(o.imageInputTokens());
                row.setImageOutputTokens(o.imageOutputTokens());
                row.setTextOutputTokens(o.textOutputTokens());
                row.setCostMicros(o.costMicros());
                row.setCostEstimated(o.costEstimated());
                details.put("queue_ms", millisBetween(g.createdAt(), o.startedAt()));
                details.put("upstream_ms", millisBetween(o.requestSentAt(), o.finishedAt()));
                details.put("attempts", o.attempts());
                details.put("error_message", o.errorMessage());
                // Raw upstream detail: the member never sees it, workspace admins do (imgen-behaviour §4.6).
                details.put("error_detail", o.errorDetail());
                details.put("result_size", o.resultSize());
                details.put("result_quality", o.resultQuality());
                details.put("result_background", o.resultBackground());
                details.put("revised_prompt", o.revisedPrompt());
                if (event.status() == GenerationStatus.SUCCEEDED) {
                    row.setImageIds(finished.imageIds().toArray(java.util.UUID[]::new));
                }
            }
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
        row.setPrompt(AuditLog.cap(event.prompt(), GenerationRequest.MAX_PROMPT));
        row.setModel(AuditLog.cap(event.options().model(), 100));
        row.setSize(AuditLog.cap(event.options().size(), 100));
        row.setQuality(AuditLog.cap(event.options().quality(), 100));
        row.setN(event.options().n());
        row.setReferenceCount(event.referenceCount());
        row.setClientIp(ClientAddress.current());
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.prompt() != null && event.prompt().length() > GenerationRequest.MAX_PROMPT) {
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

    private static Long millisBetween(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
