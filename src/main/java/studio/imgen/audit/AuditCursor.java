package studio.imgen.audit;

import java.time.Instant;

/** Position in the log (newest first): the next page starts after the entry with this time and sequence number. */
public record AuditCursor(Instant at, long seq) {
}
