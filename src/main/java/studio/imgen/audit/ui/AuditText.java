package studio.imgen.audit.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How audit values read on screen. Times are UTC, as recorded (and labelled so). */
final class AuditText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AuditText() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** "Generate", "Edit", "Login", "Admin: api_key.set". */
    static String action(String category, String action) {
        if (action == null) {
            return "";
        }
        if ("admin".equals(category) && action.startsWith("admin.")) {
            return "Admin: " + action.substring("admin.".length());
        }
        return capitalised(action);
    }

    /** Names for the keys of an entry's details; a key added later without a name here still reads as words. */
    private static final Map<String, String> DETAIL_LABELS = Map.ofEntries(
            Map.entry("submission_id", "Submission"),
            Map.entry("output_compression", "Output compression (%)"),
            Map.entry("input_fidelity", "Input fidelity"),
            Map.entry("queue_ms", "Waited in queue"),
            Map.entry("upstream_ms", "Time at OpenAI"),
            Map.entry("attempts", "Attempts"),
            Map.entry("error_message", "Message shown to the member"),
            Map.entry("error_detail", "OpenAI's answer (admins only)"),
            Map.entry("result_size", "Size delivered"),
            Map.entry("result_quality", "Quality delivered"),
            Map.entry("result_background", "Background delivered"),
            Map.entry("revised_prompt", "Prompt as OpenAI revised it"),
            Map.entry("before", "Before"),
            Map.entry("after", "After"),
            Map.entry("retention_days", "Retention (days)"),
            Map.entry("images", "Images"));

    static String detailLabel(String key) {
        String known = DETAIL_LABELS.get(key);
        return known != null ? known : capitalised(key.replace('_', ' '));
    }

    /** Durations recorded in milliseconds read as seconds above one second ("1.2 s", "350 ms"). */
    static String detailValue(String key, Object value) {
        if (key.endsWith("_ms") && value instanceof Number millis) {
            long ms = millis.longValue();
            return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return value == null ? "" : value.toString();
    }

    static String capitalised(String value) {
        return value == null || value.isEmpty() ? "" : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    /** Lumo badge variant for a status. */
    static String badge(String status) {
        if (status == null) {
            return "contrast";
        }
        return switch (status) {
            case "succeeded" -> "success";
            case "failed", "denied", "throttled", "disabled", "interrupted" -> "error";
            case "admitted" -> "";
            default -> "contrast";
        };
    }
}
