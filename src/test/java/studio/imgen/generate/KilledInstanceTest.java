package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.MEMBER_USAGE;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.AppProperties;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedInAsMemberTest;

/**
 * Matrix row 38 with a real process: a second app instance (a child JVM on this test's database and fake OpenAI)
 * takes a job, sends it, and is killed with SIGKILL while OpenAI works. This instance then finds the job's lease
 * expired: it becomes interrupted and is not sent again, while a job the dead instance never took runs exactly once.
 */
class KilledInstanceTest extends LoggedInAsMemberTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    AppProperties app;
    @Autowired
    GenerationWorker worker;
    @Autowired
    GenerationRepository jobs;

    /** The other instance is a separate process, which can only read the machine's clock: this one follows it. */
    @BeforeEach
    void followTheMachineClock() {
        clock.setTo(Instant.now());
    }

    @AfterEach
    void backToTheTestClock() {
        clock.reset();
    }

    @Test
    void aJobInFlightInAKilledInstanceIsInterruptedAndNeverResentWhileItsQueueRunsOnce() throws Exception {
        neutraliseLeftovers();
        fake.enqueueFault(Fault.hang());
        charge();
        UUID inFlight = queue("sent by the instance that dies");
        Path dir = Files.createTempDirectory("imgen-killed-instance");
        Process instance = start(dir);
        boolean passed = false;
        try {
            assertThat(fake.awaitRequests(1, Duration.ofMinutes(5))).as("the other instance sent the job; log: "
                    + dir.resolve("instance.log")).isTrue();
            UUID untouched = queue("queued when the instance died");

            instance.destroyForcibly();
            assertThat(instance.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(instance.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            awaitLeaseExpired(inFlight);
            worker.recoverAbandoned();
            worker.drain();

            assertThat(generations.find(inFlight).orElseThrow().status()).isEqualTo(GenerationStatus.INTERRUPTED);
            assertThat(db.select(MEMBER_USAGE.LAST_COUNTED_AT).from(MEMBER_USAGE)
                    .where(MEMBER_USAGE.USER_ID.eq(ana.id())).fetchOne().value1()).as("cooldown returned").isNull();
            assertThat(Generations.awaitFinished(generations, untouched).status()).isEqualTo(GenerationStatus.SUCCEEDED);
            assertThat(promptsSent()).containsExactlyInAnyOrder("sent by the instance that dies",
                    "queued when the instance died");
            passed = true;
        } finally {
            instance.destroyForcibly();
            instance.waitFor(30, TimeUnit.SECONDS);
            if (passed) {
                // The log stays behind only when it is needed.
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** Another instance of the app: same code and database, one worker, short lease and poll. */
    private Process start(Path dir) throws IOException, java.sql.SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String masterKey = Files.readString(app.dataPath().resolve("master.key")).strip();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "studio.imgen.Application",
                "--server.port=0",
                "--app.data-dir=" + dir,
                "--app.db.embedded=false",
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--app.master-key=" + masterKey,
                "--app.openai.base-url=" + fake.baseUrl(),
                "--app.generation.workers=1",
                "--app.generation.poll-interval=500ms",
                "--app.generation.lease=2s",
                "--app.generation.heartbeat=500ms"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("instance.log").toFile()).start();
    }

    /** Earlier tests' abandoned rows would be claimed by the new instance (the table is shared). */
    private void neutraliseLeftovers() {
        db.update(GENERATION).set(GENERATION.STATUS, "failed").setNull(GENERATION.LEASE_TOKEN)
                .where(GENERATION.STATUS.eq("queued")
                        .or(GENERATION.STATUS.eq("running").and(GENERATION.REQUEST_SENT_AT.isNull())))
                .execute();
    }

    private void charge() {
        db.insertInto(MEMBER_USAGE).set(MEMBER_USAGE.WORKSPACE_ID, ana.workspaceId()).set(MEMBER_USAGE.USER_ID, ana.id())
                .set(MEMBER_USAGE.LAST_COUNTED_AT, OffsetDateTime.now(clock).minusMinutes(1)).set(MEMBER_USAGE.DAY_COUNT, 1)
                .set(MEMBER_USAGE.MONTH_COUNT, 1).execute();
    }

    private UUID queue(String prompt) {
        OffsetDateTime admittedAt = db.select(MEMBER_USAGE.LAST_COUNTED_AT).from(MEMBER_USAGE)
                .where(MEMBER_USAGE.USER_ID.eq(ana.id())).fetchOne().value1();
        GenerationRecord job = JobRows.job(ana, "queued", prompt);
        job.setAdmittedAt(admittedAt);
        return jobs.insert(job);
    }

    private void awaitLeaseExpired(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.fetchCount(GENERATION, GENERATION.ID.eq(id).and(GENERATION.LEASE_UNTIL.lt(DSL.val(OffsetDateTime.now(clock)))))
                == 0) {
            assertThat(System.nanoTime()).as("lease of the dead instance expired").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private List<String> promptsSent() {
        return fake.requests().stream().map(r -> r.json().path("prompt").asText()).toList();
    }
}
