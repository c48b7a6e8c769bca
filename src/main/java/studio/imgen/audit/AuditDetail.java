package studio.imgen.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything one audit entry recorded. {@code details} holds the event-specific extras (error detail, before/after…). */
public record AuditDetail(long seq, Instant at, UUID actorId, String actorName, String category, String action,
                          String outcome, String status, String reason, String targetType, UUID targetId,
                          String targetName, UUID generationId, String prompt, String model, String size,
                          String quality, Integer n, String background, String outputFormat, String moderation,
                          Integer referenceCount, Boolean hasMask, UUID parentImageId, Long latencyMs,
                          String openaiRequestId, Long textInputTokens, Long imageInputTokens, Long imageOutputTokens,
                          Long textOutputTokens, Long costMicros, boolean costEstimated, List<UUID> imageIds, Map<String, Object> details,
                          String clientIp) {
}
