package studio.imgen.generate.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.access.Choice;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.GenerationDetails;
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
        assertThat(fake.lastRequest().jsonMap()).containsEntry("prompt", "a blue whale").containsEntry("n", 2)
                .as("More options, never opened, still sends its defaults").containsEntry("output_format", "png");
    }

    @Test
    void aResultJustMadeComesWithItsImageAndTheOneBeforeGoesBackToItsStoredFile() throws Exception {
        login(users.member(users.workspaceWithKey("Acme"), "Ana"));
        navigate("");
        TextArea prompt = _get(TextArea.class, spec -> spec.withLabel("Prompt"));

        _setValue(prompt, "a blue whale");
        _click(generateButton());
        GenerationDetails whale = generations.recent(1).get(0);
        awaitFinished(whale.id());
        MockVaadin.clientRoundtrip(false);
        assertThat(thumbSources()).singleElement().asString().startsWith("data:image/jpeg;base64,");

        _setValue(prompt, "a grey heron");
        _click(generateButton());
        awaitFinished(generations.recent(1).get(0).id());
        MockVaadin.clientRoundtrip(false);
        UUID whaleImage = generations.find(whale.id()).orElseThrow().images().get(0).id();
        assertThat(thumbSources()).hasSize(2);
        assertThat(thumbSources().get(0)).as("the heron, newest first, in the push").startsWith("data:image/jpeg;base64,");
        assertThat(thumbSources().get(1)).as("the whale, from its file again").isEqualTo(ImageUrls.thumbnail(whaleImage));
    }

    private static List<String> thumbSources() {
        return _find(Image.class, spec -> spec.withClasses("result-thumb")).stream().map(Image::getSrc).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void customSizesAreCheckedAsYouTypeAndAnInvalidOneIsNeverSent() throws Exception {
        login(users.member(users.workspaceWithKey("Acme"), "Ana"));
        navigate("");
        // GPT Image 2, the catalogue default, takes custom sizes; the workspace has no rules, so up to 3840x2160.
        Select<Choice> size = _get(Select.class, spec -> spec.withLabel("Size"));
        assertThat(size.getListDataView().getItems()).last().isEqualTo(CustomSizeField.CUSTOM);
        assertThat(_find(CustomSizeField.class)).as("hidden until Custom… is chosen").isEmpty();

        _setValue(size, CustomSizeField.CUSTOM);
        CustomSizeField custom = _get(CustomSizeField.class);
        IntegerField width = _get(custom, IntegerField.class, spec -> spec.withLabel("Width"));
        IntegerField height = _get(custom, IntegerField.class, spec -> spec.withLabel("Height"));
        _setValue(width, 1000);
        _setValue(height, 864);
        assertThat(note(custom)).isEqualTo("Width 1000 is not a multiple of 16 pixels: try 992 or 1008.");
        assertThat(width.isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Prompt")), "a wide harbour");
        _click(generateButton());
        assertThat(fake.requests()).isEmpty();
        assertThat(generations.recent(1)).isEmpty();

        _setValue(width, 2576);
        _setValue(height, 1456);
        assertThat(note(custom)).isEqualTo("2576x1456 · 3,750,656 pixels · above 2560x1440 OpenAI marks results as"
                + " experimental");
        _setValue(width, 1536);
        _setValue(height, 864);
        assertThat(note(custom)).isEqualTo("1536x864 · 1,327,104 pixels");
        assertThat(width.isInvalid()).isFalse();
        _click(generateButton());
        awaitFinished(generations.recent(1).get(0).id());
        assertThat(fake.lastRequest().jsonMap()).containsEntry("size", "1536x864");
    }

    private static String note(CustomSizeField field) {
        return _get(field, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("custom-size-note"))
                .getText();
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

        _click(_get(Button.class, spec -> spec.withText("Edit this image")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("threads/[0-9a-f-]{36}");
        UUID imageId = generations.find(id).orElseThrow().images().get(0).id();
        assertThat(_get(com.vaadin.flow.component.html.Image.class, spec -> spec.withClasses("turn-image")).getSrc())
                .isEqualTo("img/" + imageId);
    }

    @Test
    void jpegDisablesTransparentAndPngDisablesCompression() throws Exception {
        login(users.member(users.workspaceWithKey("Acme"), "Ana"));
        navigate("");
        @SuppressWarnings("unchecked")
        Select<String> model = _get(Select.class, spec -> spec.withLabel("Model"));
        assertThat(model).isNotNull();
        Details more = _get(Details.class, spec -> spec.withClasses("advanced-options"));
        assertThat(_find(Select.class, spec -> spec.withLabel("Output format"))).as("built when first opened").isEmpty();
        more.setOpened(true);
        @SuppressWarnings("unchecked")
        Select<OutputFormat> format = _get(Select.class, spec -> spec.withLabel("Output format"));
        assertThat(format.getValue()).as("the workspace default, set before the section was built")
                .isEqualTo(OutputFormat.PNG);
        IntegerField compression = _get(IntegerField.class, spec -> spec.withLabel("Compression"));

        _setValue(format, OutputFormat.PNG);
        assertThat(compression.isEnabled()).isFalse();
        assertThat(compression.getValue()).isEqualTo(100);
        _setValue(format, OutputFormat.JPEG);
        assertThat(compression.isEnabled()).isTrue();
        _setValue(compression, 70);
        more.setOpened(false);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Prompt")), "a lighthouse");
        _click(generateButton());
        awaitFinished(generations.recent(1).get(0).id());
        assertThat(fake.lastRequest().jsonMap()).containsEntry("output_format", "jpeg")
                .containsEntry("output_compression", 70);
    }

    private static Button generateButton() {
        return _get(Button.class, spec -> spec.withText("Generate"));
    }

    private void awaitFinished(UUID id) throws InterruptedException {
        Generations.awaitFinished(generations, id);
    }
}
