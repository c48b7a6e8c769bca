package studio.imgen.generate.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ImageOptions;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestImages;

/** The painter dialog as a thread's input bar uses it: open it on the current image, apply, send the turn. */
class MaskPainterDialogTest extends KaribuTest {

    @Autowired
    FakeOpenAi fake;
    @Autowired
    GenerationService generations;

    private UUID imageId;

    @BeforeEach
    void editAStoredImage() throws Exception {
        fake.reset();
        login(users.member(users.workspaceWithKey("Acme"), "Ana"));
        UUID generation = generations.submit(GenerationRequest.of("a quiet lake", ImageOptions.DEFAULTS
                .withSize("1024x1536").withQuality("low")));
        imageId = Generations.awaitFinished(generations, generation).images().get(0).id();
        fake.reset();
        UI.getCurrent().navigate("", new QueryParameters(Map.of("edit", List.of(imageId.toString()))));
    }

    @Test
    void theDialogShowsTheStoredImageAtItsSizeWithTheNoteAndTools() {
        _click(_get(Button.class, spec -> spec.withText("Paint mask")));

        MaskPainterDialog dialog = _get(MaskPainterDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_get(Image.class, spec -> spec.withClasses("mask-image")).getSrc()).isEqualTo("img/" + imageId);
        Div stage = _get(Div.class, spec -> spec.withClasses("mask-stage"));
        assertThat(stage.getStyle().get("--mask-aspect")).isEqualTo("1024 / 1536");
        assertThat(stage.getElement().getAttribute("upload-target")).isNotBlank();
        assertThat(dialog.getElement().getTextRecursively()).contains(MaskPainterDialog.NOTE);
        for (String tool : List.of("Brush", "Eraser", "Undo", "Clear", "Apply mask", "Cancel")) {
            assertThat(_find(Button.class, spec -> spec.withText(tool))).as(tool).hasSize(1);
        }
        assertThat(_get(Button.class, spec -> spec.withText("Brush")).getElement().getAttribute("aria-pressed")).isEqualTo("true");
        _click(_get(Button.class, spec -> spec.withText("Eraser")));
        assertThat(_get(Button.class, spec -> spec.withText("Brush")).getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void anAppliedMaskShowsItsPaintedShareAndReachesTheEdit() throws Exception {
        _click(_get(Button.class, spec -> spec.withText("Paint mask")));
        MaskPainterDialog dialog = _get(MaskPainterDialog.class);

        dialog.receive(TestImages.mask(1024, 1536));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withClasses("mask-chip")).getElement().getTextRecursively())
                .contains("Mask: painted area 50 %");
        _setValue(_get(TextArea.class, spec -> spec.withClasses("turn-prompt")), "add a moon");
        _click(_get(Button.class, spec -> spec.withText("Send")));
        Generations.awaitFinished(generations, generations.recent(1).get(0).id());

        BufferedImage sent = TestImages.decode(fake.requestsTo(FakeOpenAi.EDITS).get(0).part("mask").orElseThrow().bytes());
        assertThat(sent.getWidth()).isEqualTo(1024);
        assertThat(sent.getHeight()).isEqualTo(1536);
        assertThat(sent.getRGB(5, 1500) >>> 24).isZero();
        assertThat(_find(Div.class, spec -> spec.withClasses("mask-chip"))).as("mask chip after sending").isEmpty();
    }

    @Test
    void aRefusedMaskKeepsTheDialogOpenWithTheReason() {
        _click(_get(Button.class, spec -> spec.withText("Paint mask")));
        MaskPainterDialog dialog = _get(MaskPainterDialog.class);

        dialog.receive(TestImages.png(1024, 1536, 0xffffff));

        assertThat(dialog.isOpened()).isTrue();
        Span error = _get(Span.class, spec -> spec.withClasses("mask-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("The mask has no painted area.");
        assertThat(_get(Button.class, spec -> spec.withText("Apply mask")).isEnabled()).isTrue();
        assertThat(_find(Div.class, spec -> spec.withClasses("mask-chip"))).as("mask chip shown").isEmpty();
    }

    @Test
    void removingTheMaskDropsIt() {
        _click(_get(Button.class, spec -> spec.withText("Paint mask")));
        _get(MaskPainterDialog.class).receive(TestImages.mask(1024, 1536));
        Div chip = _get(Div.class, spec -> spec.withClasses("mask-chip"));
        assertThat(chip.isVisible()).isTrue();

        _click(button("Remove the mask"));
        assertThat(chip.isVisible()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withText("Paint mask")).isVisible()).isTrue();
    }

    private static Button button(String ariaLabel) {
        return _get(Button.class, spec -> spec.withPredicate(b -> ariaLabel.equals(b.getElement().getAttribute("aria-label"))));
    }
}
