package studio.imgen.audit;

/** Totals of a filter: entries, images produced and their cost in micro-dollars, and how much of it is estimated. */
public record AuditTotals(long entries, long images, long costMicros, long estimatedCostMicros) {
}
