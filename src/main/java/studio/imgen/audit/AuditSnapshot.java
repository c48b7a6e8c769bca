package studio.imgen.audit;

/** A filter pinned to the log as it is now, with its totals. Page with the pinned filter. */
public record AuditSnapshot(AuditFilter filter, AuditTotals totals) {
}
