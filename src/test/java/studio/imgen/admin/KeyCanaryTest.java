package studio.imgen.admin;

import studio.imgen.testsupport.Jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.Canaries;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Matrix row 46 at the service level: a canary key set through the admin service is used upstream, yet never shows in
 * a log line, an admin event, an exception message or anything the settings services return. (The canary is also
 * registered with {@link Canaries}, so the whole run watches for it after this test too.)
 */
@IntegrationTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class KeyCanaryTest {

    static final String CANARY = Canaries.fresh();

    @Autowired
    WorkspaceSettingsService settings;
    @Autowired
    GenerationService generations;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void tearDown() {
        fake.reset();
        LoggedIn.nobody();
    }

    @Test
    void theCanaryKeyIsUsedButNeverShown(CapturedOutput output) throws Exception {
        fake.reset();
        UUID workspace = users.workspace("Canary");
        TestUser dana = users.admin(workspace, "Dana");
        TestUser ana = users.member(workspace, "Ana");
        LoggedIn.as(dana, memberships);
        List<String> shown = new ArrayList<>();

        shown.add(settings.setApiKey("  " + CANARY + "\n"));
        shown.add(settings.testApiKey().text());
        fake.enqueueFault(Fault.invalidApiKey());
        shown.add(settings.testApiKey().text());
        fake.enqueueFault(Fault.status(400, "invalid_request_error", "invalid_api_key", "Incorrect key " + CANARY));
        shown.add(settings.testApiKey().text());
        shown.add(catchThrowable(() -> settings.setApiKey(CANARY + "x".repeat(200))).getMessage());
        shown.add(catchThrowable(() -> settings.setApiKey(CANARY + " " + CANARY)).getMessage());
        shown.add(settings.overview().toString());
        shown.add(settings.defaultsForm().toString());
        LoggedIn.as(ana, memberships);
        UUID id = generations.submit(GenerationRequest.of("canary fox"));
        Jobs.awaitFinished(generations, id);
        shown.add(generations.find(id).orElseThrow().toString());
        LoggedIn.as(dana, memberships);
        shown.add(settings.clearApiKey().text());

        assertThat(fake.requests()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(call -> assertThat(call.bearerToken()).isEqualTo(CANARY));
        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
        assertThat(events.stream()).allSatisfy(event -> assertThat(event.toString()).doesNotContain(CANARY));
        assertThat(output.getAll()).contains("Key test in workspace " + workspace).doesNotContain(CANARY);
    }
}
