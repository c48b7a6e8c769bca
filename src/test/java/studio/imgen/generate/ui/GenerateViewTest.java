package studio.imgen.generate.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationService;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;

class GenerateViewTest extends KaribuTest {

    @Autowired
    FakeOpenAi fake;
    @Autowired
    GenerationService generations;

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void withoutAKeyTheBannerExplainsAndSubmitIsDisabled() {
        login(users.member(users.workspace("NoKey"), "Ben"));
        navigate("");

        assertThat(_get(GenerateView.class).getElement().getTextRecursively()).contains(GenerationService.NO_KEY);
        assertThat(generateButton().isEnabled()).isFalse();
    }

    @Test
    void adminsAlsoGetALinkToSettings() {
        login(users.admin(users.workspace("NoKey"), "Dana"));
        navigate("");

        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Open workspace settings"))).hasSize(1);
    }

    @Test
    void submittingShowsTheGenerationAndItsImagesArriveByPush() throws Exception {
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        login(ana);
        navigate("");

        _setValue(_get(TextArea.class, spec -> spec.withLabel("Prompt")), "a blue whale");
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Images")), 2);
        _click(generateButton());

        UUID id = generations.recent(1).get(0).id();
        awaitFinished(id);
        MockVaadin.clientRoundtrip(false); // false: the default (a failing UI task fails the test)

        assertThat(_find(Image.class, spec -> spec.withClasses("result-thumb"))).hasSize(2);
        assertThat(fake.lastRequest().jsonMap()).containsEntry("prompt", "a blue whale").containsEntry("n", 2);
    }

    @Test
    void editOnAResultOpensANewEditThreadStartingWithThatImage() throws Exception {
        login(users.member(users.workspaceWithKey("Acme"), "Ana"));
        navigate("");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Prompt")), "a castle");
        _click(generateButton());
        UUID id = generations.recent(1).get(0).id();
        awaitFinished(id);
        MockVaadin.clientRoundtrip(false); // false: the default (a failing UI task fails the test)

        _click(_get(Button.class, spec -> spec.withText("Edit")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("threads/[0-9a-f-]{36}");
        UUID imageId = generations.find(id).orElseThrow().images().get(0).id();
        assertThat(_get(com.vaadin.flow.component.html.Image.class, spec -> spec.withClasses("turn-image")).getSrc())
                .isEqualTo("img/" + imageId);
    }

    @Test
    void jpegDisablesTransparentAndPngDisablesCompression() {
        login(users.member(users.workspaceWithKey("Acme"), "Ana"));
        navigate("");
        @SuppressWarnings("unchecked")
        Select<String> model = _get(Select.class, spec -> spec.withLabel("Model"));
        assertThat(model).isNotNull();
        @SuppressWarnings("unchecked")
        Select<String> format = _get(Select.class, spec -> spec.withLabel("Output format"));
        IntegerField compression = _get(IntegerField.class, spec -> spec.withLabel("Compression"));

        _setValue(format, "png");
        assertThat(compression.isEnabled()).isFalse();
        assertThat(compression.getValue()).isEqualTo(100);
        _setValue(format, "jpeg");
        assertThat(compression.isEnabled()).isTrue();
    }

    private static Button generateButton() {
        return _get(Button.class, spec -> spec.withText("Generate"));
    }

    private void awaitFinished(UUID id) throws InterruptedException {
        Generations.awaitFinished(generations, id);
    }
}
