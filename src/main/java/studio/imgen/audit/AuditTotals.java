package studio.imgen.audit;

/** Totals of a filter: entries, images produced and their cost in micro-dollars. */
public record AuditTotals(long entries, long images, long costMicros) {
}
