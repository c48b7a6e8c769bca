package studio.imgen.audit.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
