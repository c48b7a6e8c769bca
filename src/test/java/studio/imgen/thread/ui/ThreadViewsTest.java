package studio.imgen.thread.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.access.Choice;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.ui.CustomSizeField;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;
import studio.imgen.thread.ThreadService;

class ThreadViewsTest extends KaribuTest {

    @Autowired
    GenerationService generations;
    @Autowired
    ThreadService threads;
    @Autowired
    FakeOpenAi fake;

    TestUser ana;

    @BeforeEach
    void setUp() {
        fake.reset();
        ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        login(ana);
    }

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void emptyListExplainsHowToStart() {
        navigate("threads");

        assertThat(_get(Div.class, spec -> spec.withClasses("empty-state")).isVisible()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withClasses("thread-row"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withText("New edit"))).isNotNull();
    }

    @Test
    void editThisImageLinkStartsAThreadAndASentTurnAppearsWithItsResult() throws Exception {
        UUID image = generatedImage("a red fox");

        UI.getCurrent().navigate("threads", QueryParameters.of("edit", image.toString()));
        assertThat(path()).matches("threads/[0-9a-f-]{36}");
        assertThat(_find(Div.class, spec -> spec.withClasses("turn"))).hasSize(1);

        _setValue(_get(TextArea.class, spec -> spec.withClasses("turn-prompt")), "make it night");
        _click(_get(Button.class, spec -> spec.withText("Send")));
        assertThat(_get(TextArea.class, spec -> spec.withClasses("turn-prompt")).isEnabled())
                .as("input waits while the turn runs").isFalse();
        Generations.awaitFinished(generations, generations.recent(1).get(0).id());
        MockVaadin.clientRoundtrip(false); // false: the default (a failing UI task fails the test)
        reloadView();

        List<Div> turns = _find(Div.class, spec -> spec.withClasses("turn"));
        assertThat(turns).hasSize(2);
        assertThat(_find(Image.class, spec -> spec.withClasses("turn-image"))).hasSize(2);
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withText("Conversation"))).isNotEmpty();
        assertThat(_get(TextArea.class, spec -> spec.withClasses("turn-prompt")).isEnabled()).isTrue();
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).hasSize(1);
    }

    @Test
    void listShowsThumbnailSearchesAndDeletesAfterConfirmation() throws Exception {
        UUID first = threads.startFromImage(generatedImage("a red fox"));
        threads.startFromImage(generatedImage("an owl"));

        navigate("threads");
        assertThat(_find(Div.class, spec -> spec.withClasses("thread-row"))).hasSize(2);
        assertThat(_find(Image.class, spec -> spec.withClasses("thread-thumb"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses("thread-thumb"))).allSatisfy(thumb ->
                assertThat(thumb.getChildren().findFirst().orElseThrow()).isInstanceOf(Image.class));

        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search names and prompts")), "owl");
        assertThat(_find(RouterLink.class, spec -> spec.withClasses("thread-name")))
                .extracting(RouterLink::getText).containsExactly("an owl");
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search names and prompts")), "");

        threads.delete(first);
        navigate("threads");
        assertThat(_find(Div.class, spec -> spec.withClasses("thread-row"))).hasSize(1);
    }

    @Test
    void aColleagueSeesItReadOnlyAndCanEditTheImageIntoTheirOwnThread() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a bridge"));
        login(users.member(ana.workspaceId(), "Cleo"));

        navigate("threads/" + thread);

        assertThat(_find(Button.class, spec -> spec.withText("Send"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withClasses("thread-read-only")).getElement().getTextRecursively()).contains("Ana's thread");
        _click(_get(Button.class, spec -> spec.withText("Edit this image")));
        assertThat(path()).matches("threads/[0-9a-f-]{36}").isNotEqualTo("threads/" + thread);
        assertThat(_get(Button.class, spec -> spec.withText("Send"))).isNotNull();
    }

    @Test
    void anotherWorkspaceGetsNotFound() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a secret"));
        login(users.member(users.workspaceWithKey("Other"), "Bob"));

        navigate("threads/" + thread);

        assertThat(_get(H2.class, spec -> spec.withText("Page not found"))).isNotNull();
    }

    @Test
    void fallbackTurnSaysSo() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a lighthouse"));
        Generations.awaitFinished(generations, threads.addTurn(thread, request("at dusk")));
        fake.setUnknownPreviousResponseStatus(400);
        fake.forgetStoredResponses();
        Generations.awaitFinished(generations, threads.addTurn(thread, request("add fog")));

        navigate("threads/" + thread);

        assertThat(_get(Div.class, spec -> spec.withClasses("turn-notice")).getElement().getTextRecursively())
                .isEqualTo(TurnCard.FALLBACK_NOTICE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInputBarOffersCustomSizesAndSendsThem() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a long bridge"));
        navigate("threads/" + thread);

        Select<Choice> size = _get(Select.class, spec -> spec.withPredicate(s -> s.getAriaLabel().filter("Size"::equals).isPresent()));
        _setValue(size, CustomSizeField.CUSTOM);
        CustomSizeField custom = _get(CustomSizeField.class);
        _setValue(_get(custom, IntegerField.class, spec -> spec.withLabel("Width")), 1536);
        _setValue(_get(custom, IntegerField.class, spec -> spec.withLabel("Height")), 512);
        _setValue(_get(TextArea.class, spec -> spec.withClasses("turn-prompt")), "make it wider");
        _click(_get(Button.class, spec -> spec.withText("Send")));

        Generations.awaitFinished(generations, generations.recent(1).get(0).id());
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).singleElement().satisfies(r -> assertThat(r.bodyText())
                .contains("\"size\":\"1536x512\""));
    }

    private void reloadView() {
        navigate("threads");
        navigate(path().isEmpty() ? "threads" : lastThread());
    }

    private String lastThread() {
        return "threads/" + threads.mine(null).get(0).id();
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static studio.imgen.thread.TurnRequest request(String prompt) {
        return studio.imgen.thread.TurnRequest.of(prompt, ImageOptions.DEFAULTS.withSize("1024x1024").withQuality("low"));
    }

    private UUID generatedImage(String prompt) throws InterruptedException {
        UUID id = generations.submit(GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withSize("1024x1024")
                .withQuality("low")));
        GenerationDetails done = Generations.awaitFinished(generations, id);
        return done.images().get(0).id();
    }
}
