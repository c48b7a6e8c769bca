package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.MEMBER_USAGE;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.UserInputException;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Admission beyond the in-flight limits (security-reliability.md §4.3): refused with a "busy" sentence before anything
 * is charged; and the worker holds no database connection while it waits for OpenAI (§4.2, matrix row 41).
 */
class BusyLimitsTest extends LoggedInAsMemberTest {

    static final String BUSY = "Busy: too many images are being generated right now. Try again in a moment.";

    @Autowired
    GenerationProperties properties;
    @Autowired
    GenerationRepository jobs;
    @Autowired
    DataSource dataSource;

    @Test
    void aMemberAtTheirInFlightLimitIsToldBusyAndNothingIsChargedWhileWorkersHoldNoConnection() throws Exception {
        int limit = properties.maxActivePerUser();
        assertThat(limit).as("every in-flight job has a worker").isLessThanOrEqualTo(properties.workers());
        List<UUID> inFlight = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            fake.enqueueFault(Fault.hang());
            inFlight.add(generations.submit(request("held upstream " + i)));
        }
        assertThat(fake.awaitRequests(limit, Duration.ofSeconds(20))).isTrue();
        UUID refusedSubmission = UUID.randomUUID();

        assertThatThrownBy(() -> generations.submit(GenerationRequest.of("one too many")
                .withSubmissionId(refusedSubmission)))
                .isInstanceOf(UserInputException.class).hasMessage(BUSY);

        assertThat(jobs.findBySubmission(ana.id(), refusedSubmission)).as("no job").isEmpty();
        assertThat(dayCount()).as("only the admitted ones counted").isEqualTo(limit);
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        int busiest = 0;
        int idleSamples = 0;
        for (int i = 0; i < 50; i++) {
            int active = pool.getActiveConnections();
            busiest = Math.max(busiest, active);
            idleSamples += active == 0 ? 1 : 0;
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        // Holding one per waiting worker would show `limit` active connections in every sample.
        assertThat(busiest).as("most connections in use while %d calls wait upstream", limit).isLessThan(limit);
        assertThat(idleSamples).as("samples with no connection in use").isPositive();
        assertThat(pool.getThreadsAwaitingConnection()).isZero();

        fake.reset();
        for (UUID id : inFlight) {
            assertThat(Generations.awaitFinished(generations, id).status()).isEqualTo(GenerationStatus.FAILED);
        }
    }

    @Test
    void aWorkspaceAtItsInFlightLimitTurnsEveryoneAwayWithoutCharging() {
        TestUser bob = users.member(ana.workspaceId(), "Bob");
        List<UUID> bobs = new ArrayList<>();
        for (int i = 0; i < properties.maxActivePerWorkspace(); i++) {
            bobs.add(inFlightOf(bob));
        }
        try {
            assertThatThrownBy(() -> generations.submit(request("crowded"))).isInstanceOf(UserInputException.class)
                    .hasMessage(BUSY);
            assertThat(dayCount()).isZero();
            assertThat(fake.requests()).isEmpty();
        } finally {
            // Leave nothing a later test's worker could pick up.
            db.update(GENERATION).set(GENERATION.STATUS, "failed").setNull(GENERATION.LEASE_TOKEN)
                    .where(GENERATION.ID.in(bobs)).execute();
        }
    }

    /** A job another live worker is running (its request already sent, so nobody else may claim it). */
    private UUID inFlightOf(TestUser user) {
        GenerationRecord job = JobRows.job(user, "running", "in flight");
        job.setAttempt(1);
        job.setLeaseToken(UUID.randomUUID());
        job.setLeaseUntil(OffsetDateTime.now(clock).plusMinutes(10));
        job.setRequestSentAt(OffsetDateTime.now(clock));
        return jobs.insert(job);
    }

    private int dayCount() {
        Integer count = db.select(MEMBER_USAGE.DAY_COUNT).from(MEMBER_USAGE)
                .where(MEMBER_USAGE.WORKSPACE_ID.eq(ana.workspaceId()).and(MEMBER_USAGE.USER_ID.eq(ana.id())))
                .fetchOne(MEMBER_USAGE.DAY_COUNT);
        return count == null ? 0 : count;
    }

    private static GenerationRequest request(String prompt) {
        return GenerationRequest.of(prompt);
    }
}
