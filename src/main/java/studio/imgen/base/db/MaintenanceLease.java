package studio.imgen.base.db;

import static imgen.db.Tables.MAINTENANCE_LEASE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Lets one instance at a time run a maintenance job (retention, storage cleaning, the model lifecycle): the claim is one conditional upsert, so two instances racing
 * for it cannot both win, and a claim held by a crashed instance simply runs out. No transaction stays open while
 * the job works (it lists buckets and deletes files).
 */
@Component
public class MaintenanceLease {

    private final DSLContext db;
    private final Clock clock;

    MaintenanceLease(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @return the claim's token when this caller may run {@code job} now; empty while another holds it */
    public Optional<UUID> tryClaim(String job, Duration lease) {
        UUID token = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime until = now.plus(lease);
        return db.insertInto(MAINTENANCE_LEASE)
                .set(MAINTENANCE_LEASE.NAME, job)
                .set(MAINTENANCE_LEASE.HOLDER, token)
                .set(MAINTENANCE_LEASE.LEASE_UNTIL, until)
                .onConflict(MAINTENANCE_LEASE.NAME).doUpdate()
                .set(MAINTENANCE_LEASE.HOLDER, token)
                .set(MAINTENANCE_LEASE.LEASE_UNTIL, until)
                .where(MAINTENANCE_LEASE.LEASE_UNTIL.lt(now))
                .returning(MAINTENANCE_LEASE.HOLDER)
                .fetchOptional()
                .map(r -> r.getHolder());
    }

    /** Ends the claim early so the next run need not wait for the lease to run out; only the holder can. */
    public void release(String job, UUID token) {
        db.update(MAINTENANCE_LEASE).set(MAINTENANCE_LEASE.LEASE_UNTIL, OffsetDateTime.now(clock))
                .where(MAINTENANCE_LEASE.NAME.eq(job).and(MAINTENANCE_LEASE.HOLDER.eq(token)))
                .execute();
    }
}
