package studio.imgen.testsupport;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Service-level tests run as Ana, a member of a fresh workspace whose OpenAI key is set, against the fake OpenAI
 * (reset before and after each test).
 */
@IntegrationTest
public abstract class LoggedInAsMemberTest {

    @Autowired
    protected GenerationService generations;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected MembershipLookup memberships;
    @Autowired
    protected FakeOpenAi fake;
    @Autowired
    protected DSLContext db;
    @Autowired
    protected MutableClock clock;

    protected TestUser ana;

    @BeforeEach
    void logInAsMember() {
        fake.reset();
        ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        LoggedIn.as(ana, memberships);
    }

    @AfterEach
    void logOut() {
        fake.reset();
        LoggedIn.nobody();
    }
}
