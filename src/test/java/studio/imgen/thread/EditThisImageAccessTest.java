package studio.imgen.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.admin.ApiKeyVault;
import studio.imgen.generate.ImageOptions;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerationBlocked;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * "Edit this image" asks first and creates nothing when the member may not generate (issue 14, defect 4), with the
 * server's first reason (defect 6: the key before the role) and the cooldown in the countdown's own format (defect 11).
 */
class EditThisImageAccessTest extends LoggedInAsMemberTest {

    @Autowired
    ThreadService threads;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;
    @Autowired
    ApiKeyVault keys;

    @Test
    void onCooldownTheEditIsRefusedWithTheReasonAndNoThreadIsCreated() throws Exception {
        TestUser dana = users.admin(ana.workspaceId(), "Dana");
        LoggedIn.as(dana, memberships);
        roles.createRole("Designers", null);
        UUID designers = roles.roles().get(0).role().id();
        roles.saveRule(new RuleDraft(designers, null, "120", Set.of(), Set.of(), Set.of(), null, null, null));
        members.assignRoles(ana.id(), Set.of(designers));
        LoggedIn.as(ana, memberships);
        UUID image = generatedImage("a red fox");

        // The test clock ticks with real time: the wait is two minutes less what the generation took.
        GenerationBlocked blocked = threads.whyNotEdit(image).orElseThrow();
        assertThat(blocked.message()).matches("You're on cooldown\\. Try again in (1:[0-5]\\d|2:00)\\.");
        Instant until = blocked.until().orElseThrow();
        assertThat(until).isBetween(clock.instant().plusSeconds(90), clock.instant().plusSeconds(120));
        assertThatThrownBy(() -> threads.startFromImage(image)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("You're on cooldown. Try again in ");
        assertThat(threads.mine("")).isEmpty();

        // The form counts the cooldown down instead of stating it: no sentence to contradict the countdown.
        GenerateForm form = generations.form(null);
        assertThat(form.waitUntil()).contains(until);
        assertThat(form.waitMessage()).isEmpty();
        assertThat(form.limits()).containsExactly("2 min cooldown after each generation");

        clock.advance(Duration.ofSeconds(120));
        assertThat(threads.whyNotEdit(image)).isEmpty();
        assertThat(threads.startFromImage(image)).isNotNull();
        assertThat(threads.mine("")).hasSize(1);
    }

    @Test
    void aGoneImageAndAMissingKeyComeBeforeTheRole() throws Exception {
        UUID image = generatedImage("a lighthouse");
        assertThat(threads.whyNotEdit(UUID.randomUUID())).get().extracting(GenerationBlocked::message)
                .isEqualTo("Could not find the image to edit.");

        UUID noKey = users.workspace("NoKey");
        TestUser dana = users.admin(noKey, "Dana");
        TestUser ben = users.member(noKey, "Ben");
        LoggedIn.as(dana, memberships);
        roles.createRole("Designers", null);
        UUID designers = roles.roles().get(0).role().id();
        roles.saveRule(new RuleDraft(designers, null, "0", Set.of(), Set.of(), Set.of(), null, null, null));
        LoggedIn.as(ben, memberships);

        assertThat(generations.blockedNow()).get().extracting(GenerationBlocked::message)
                .isEqualTo(GenerationService.NO_KEY);
        keys.store(noKey, TestUsers.API_KEY, null);
        assertThat(generations.blockedNow()).get().extracting(GenerationBlocked::message)
                .isEqualTo("You don't have a role that allows image generation.");
        // Ana's image is another workspace's: Ben cannot even see it.
        assertThat(threads.whyNotEdit(image)).get().extracting(GenerationBlocked::message)
                .isEqualTo("Could not find the image to edit.");
    }

    private UUID generatedImage(String prompt) throws InterruptedException {
        UUID id = generations.submit(GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withSize("1024x1024")
                .withQuality("low")));
        GenerationDetails done = Generations.awaitFinished(generations, id);
        assertThat(done.status()).as(done.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        return done.images().get(0).id();
    }
}
