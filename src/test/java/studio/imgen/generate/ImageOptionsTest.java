package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.InputFidelity;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.OptionValue;
import studio.imgen.catalog.OutputFormat;

class ImageOptionsTest {

    @Test
    void wireValuesParseIgnoringCaseAndSpacesAndNothingChosenIsNull() {
        ImageOptions options = ImageOptions.fromWire("gpt-image-2", "1024x1024", "low", 2, " Transparent ", "WEBP", 80,
                "low", "high");

        assertThat(options).isEqualTo(ImageOptions.DEFAULTS.withModel("gpt-image-2").withSize("1024x1024")
                .withQuality("low").withN(2).withBackground(Background.TRANSPARENT).withOutputFormat(OutputFormat.WEBP)
                .withOutputCompression(80).withModeration(Moderation.LOW).withInputFidelity(InputFidelity.HIGH));
        assertThat(ImageOptions.fromWire(null, null, null, null, "", " ", null, null, null))
                .isEqualTo(ImageOptions.DEFAULTS);
    }

    @Test
    void aValueOutsideItsVocabularyIsRefusedWithTheSentenceTheMembersSee() {
        assertThatThrownBy(() -> ImageOptions.fromWire(null, null, null, null, "purple", null, null, null, null))
                .isInstanceOf(UserInputException.class).hasMessage("Invalid background selection.");
        assertThatThrownBy(() -> OutputFormat.parse("gif"))
                .isInstanceOf(UserInputException.class).hasMessage("Invalid output format selection.");
        assertThatThrownBy(() -> Moderation.parse("high"))
                .isInstanceOf(UserInputException.class).hasMessage("Invalid moderation selection.");
        assertThatThrownBy(() -> InputFidelity.parse("auto"))
                .isInstanceOf(UserInputException.class).hasMessage("Invalid input fidelity selection.");
    }

    @Test
    void eachValueKnowsItsWireValueAndLabel() {
        assertThat(OptionValue.wireValues(OutputFormat.class)).containsExactly("png", "jpeg", "webp");
        assertThat(OptionValue.wireValues(Background.class)).containsExactly("auto", "opaque", "transparent");
        assertThat(OutputFormat.JPEG.label()).isEqualTo("JPEG");
        assertThat(Moderation.LOW.label()).isEqualTo("Low (less restrictive)");
        assertThat(OptionValue.wireOf(null)).isNull();
        assertThat(OutputFormat.PNG.compressible()).isFalse();
        assertThat(OutputFormat.JPEG.allowsTransparency()).isFalse();
    }

    @Test
    void eachWithChangesOnlyItsOwnOption() {
        ImageOptions chosen = ImageOptions.DEFAULTS.withQuality("high").withBackground(Background.OPAQUE);

        assertThat(chosen.quality()).isEqualTo("high");
        assertThat(chosen.background()).isEqualTo(Background.OPAQUE);
        assertThat(chosen.withQuality("low").background()).isEqualTo(Background.OPAQUE);
        assertThat(chosen.model()).isNull();
        assertThat(chosen.outputFormat()).isNull();
    }
}
