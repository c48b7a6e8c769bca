package studio.imgen.access;

import static imgen.db.Tables.MEMBER_USAGE;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Consumes a member's cooldown and quotas in ONE conditional UPDATE, inside the caller's transaction (the same one
 * that inserts the job). Concurrent submissions queue on the row lock and the later ones see the new values, so of
 * N simultaneous submissions exactly as many are admitted as the limits allow, across instances too. Time comes from
 * the application clock, passed into the statement, so every rule of the app reads one clock.
 */
@Component
public class Admission {

    private final DSLContext db;
    private final Clock clock;

    Admission(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What admission changed, kept on the job so a failure can give it back. */
    public record Ticket(UUID workspaceId, UUID userId, Instant admittedAt, Instant previousCountedAt) {
    }

    /**
     * Admits one generation or throws {@link AccessRefusedException} with the member-facing reason. Must run inside
     * a transaction.
     */
    public Ticket admit(UUID workspaceId, UUID userId, EffectiveLimits limits) {
        if (limits.denied()) {
            throw new AccessRefusedException(AccessPolicy.check(limits, UsageSnapshot.NONE, now()).orElseThrow());
        }
        db.insertInto(MEMBER_USAGE).set(MEMBER_USAGE.WORKSPACE_ID, workspaceId).set(MEMBER_USAGE.USER_ID, userId)
                .onConflictDoNothing().execute();
        OffsetDateTime now = OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
        Record admitted = db.fetchOne(ADMIT, now, now, workspaceId, userId, now, limits.cooldownSeconds(),
                limits.dailyQuota(), limits.monthlyQuota(), limits.monthlyBudgetMicros(), workspaceId, userId);
        if (admitted == null) {
            throw refusal(workspaceId, userId, limits);
        }
        OffsetDateTime previous = admitted.get("previous_counted_at", OffsetDateTime.class);
        return new Ticket(workspaceId, userId, admitted.get("admitted_at", OffsetDateTime.class).toInstant(),
                previous == null ? null : previous.toInstant());
    }

    /*
     * The row lock in "prev" makes concurrent admissions of one member queue; each re-reads the committed row.
     * Counters belong to the UTC day/month of last_counted_at, so a new day or month starts them at 1.
     * Parameters: now (twice), workspace, user, now, cooldown seconds, daily quota, monthly quota, monthly budget
     * (0 = none), workspace, user.
     */
    private static final String ADMIT = """
            with prev as (
                select last_counted_at, day_count, month_count, month_spent_micros,
                       last_counted_at >= (date_trunc('day', ?::timestamptz at time zone 'UTC') at time zone 'UTC') as same_day,
                       last_counted_at >= (date_trunc('month', ?::timestamptz at time zone 'UTC') at time zone 'UTC') as same_month
                  from member_usage where workspace_id = ? and user_id = ? for update),
            lim as (select ?::timestamptz as now, ?::int as cooldown, ?::int as daily, ?::int as monthly,
                           ?::bigint as budget)
            update member_usage u
               set last_counted_at = lim.now,
                   day_count = case when prev.same_day then prev.day_count + 1 else 1 end,
                   month_count = case when prev.same_month then prev.month_count + 1 else 1 end,
                   month_spent_micros = case when prev.same_month then prev.month_spent_micros else 0 end
              from prev, lim
             where u.workspace_id = ? and u.user_id = ?
               and (lim.cooldown = 0 or prev.last_counted_at is null
                    or prev.last_counted_at <= lim.now - make_interval(secs => lim.cooldown))
               and (lim.daily = 0 or prev.same_day is not true or prev.day_count < lim.daily)
               and (lim.monthly = 0 or prev.same_month is not true or prev.month_count < lim.monthly)
               and (lim.budget = 0 or prev.same_month is not true or prev.month_spent_micros < lim.budget)
            returning prev.last_counted_at as previous_counted_at, u.last_counted_at as admitted_at
            """;

    /** The member's usage as stored (no row yet = none). */
    public UsageSnapshot usageOf(UUID workspaceId, UUID userId) {
        return db.selectFrom(MEMBER_USAGE).where(keyOf(workspaceId, userId)).fetchOptional()
                .map(row -> new UsageSnapshot(row.getLastCountedAt() == null ? null : row.getLastCountedAt().toInstant(),
                        row.getDayCount(), row.getMonthCount(), row.getMonthSpentMicros()))
                .orElse(UsageSnapshot.NONE);
    }

    /** The application clock, which admission uses, so pre-checks agree with it. */
    public Instant now() {
        return clock.instant();
    }

    private AccessRefusedException refusal(UUID workspaceId, UUID userId, EffectiveLimits limits) {
        Optional<Refusal> refusal = AccessPolicy.check(limits, usageOf(workspaceId, userId), now());
        return new AccessRefusedException(refusal.orElseGet(() -> Refusal.of(Refusal.Reason.COOLDOWN,
                "You're on cooldown. Try again in a few seconds.")));
    }

    /**
     * Gives back what {@link #admit} consumed (failure for an upstream reason). Only undoes this admission: if a
     * later one has happened since, nothing changes.
     */
    public void refund(Ticket ticket) {
        db.update(MEMBER_USAGE)
                .set(MEMBER_USAGE.LAST_COUNTED_AT, ticket.previousCountedAt() == null ? null
                        : ticket.previousCountedAt().atOffset(ZoneOffset.UTC))
                .set(MEMBER_USAGE.DAY_COUNT, DSL.greatest(MEMBER_USAGE.DAY_COUNT.minus(1), DSL.val(0)))
                .set(MEMBER_USAGE.MONTH_COUNT, DSL.greatest(MEMBER_USAGE.MONTH_COUNT.minus(1), DSL.val(0)))
                .where(keyOf(ticket.workspaceId(), ticket.userId()))
                .and(MEMBER_USAGE.LAST_COUNTED_AT.eq(ticket.admittedAt().atOffset(ZoneOffset.UTC)))
                .execute();
    }

    /** Adds a finished generation's cost to the month's spend (budget). */
    public void recordSpend(UUID workspaceId, UUID userId, long costMicros) {
        db.update(MEMBER_USAGE)
                .set(MEMBER_USAGE.MONTH_SPENT_MICROS, MEMBER_USAGE.MONTH_SPENT_MICROS.plus(costMicros))
                .where(keyOf(workspaceId, userId))
                .and(MEMBER_USAGE.LAST_COUNTED_AT.ge(startOfMonth()))
                .execute();
    }

    private static org.jooq.Condition keyOf(UUID workspaceId, UUID userId) {
        return MEMBER_USAGE.WORKSPACE_ID.eq(workspaceId).and(MEMBER_USAGE.USER_ID.eq(userId));
    }

    /** Start of the current UTC month. */
    private OffsetDateTime startOfMonth() {
        return OffsetDateTime.ofInstant(now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    }
}
