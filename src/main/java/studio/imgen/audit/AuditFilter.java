package studio.imgen.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the admin is looking at. Every field is optional. Dates are UTC days, both inclusive. {@code text} is a
 * full-text search on prompts (words; "quoted phrases" and -excluded words work). {@code upToSeq} pins the view to
 * the log as it was when the filter was applied: the log only grows, so with it pages and totals stay stable while
 * new entries arrive.
 */
public record AuditFilter(LocalDate from, LocalDate to, UUID userId, AuditAction action, String model, String status,
                          String text, Long upToSeq) {

    /** Statuses an entry can have, in the order the filter offers them. */
    public static final List<String> STATUSES = List.of("admitted", "succeeded", "failed", "denied", "cancelled",
            "interrupted", "throttled", "disabled");
    static final int MAX_TEXT = 200;

    public AuditFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        model = model == null || model.isBlank() ? null : model;
        status = status == null || status.isBlank() ? null : status;
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public AuditFilter pinnedAt(Long seq) {
        return new AuditFilter(from, to, userId, action, model, status, text, seq);
    }
}
