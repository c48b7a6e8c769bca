package studio.imgen.access;

import studio.imgen.testsupport.Acme;
import studio.imgen.testsupport.Jobs;
import studio.imgen.workspace.MemberService;
import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.GENERATION;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Scenario 6 / matrix row 27: 50 simultaneous submissions by one member whose role has a cooldown admit exactly one;
 * the other 49 get the cooldown message. Each repetition uses a fresh member, and all threads are released at once
 * by a start gate.
 */
@IntegrationTest
class CooldownAdmissionConcurrencyTest {

    static final int SUBMISSIONS = 50;

    @Autowired
    GenerationService generations;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @RepeatedTest(5)
    void fiftySimultaneousSubmissionsAdmitExactlyOne() throws Exception {
        Acme acme = Acme.create(users, memberships, roles, members);
        UUID designers = acme.roleWithRule("Designers", 60, Set.of(), Set.of(), Set.of());
        TestUser ana = acme.ana();
        acme.give(ana, designers);

        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<UUID> admitted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);
        try {
            for (int i = 0; i < SUBMISSIONS; i++) {
                int n = i;
                pool.execute(() -> {
                    LoggedIn.as(ana, memberships);
                    try {
                        start.await();
                        admitted.add(generations.submit(GenerationRequest.of("race " + n)));
                    } catch (UserInputException e) {
                        refusals.add(e.getMessage());
                    } catch (Throwable e) {
                        unexpected.add(e);
                    } finally {
                        LoggedIn.nobody();
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("all submissions answered").isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(admitted).hasSize(1);
        assertThat(refusals).hasSize(SUBMISSIONS - 1)
                .allSatisfy(message -> assertThat(message).startsWith("You're on cooldown. Try again in "));
        assertThat(db.fetchCount(GENERATION, GENERATION.USER_ID.eq(ana.id()))).isEqualTo(1);

        LoggedIn.as(ana, memberships);
        Jobs.awaitFinished(generations, admitted.peek());
    }
}
