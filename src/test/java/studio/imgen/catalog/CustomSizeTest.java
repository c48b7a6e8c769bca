package studio.imgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenAI's rules for custom sizes (openai-images.md §1), each boundary on both sides. */
class CustomSizeTest {

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"1536x864", "1024x1024", "16x16", "16x48", "48x16", "3840x2160", "2160x3840",
            "2560x1440", "3840x1280", "1280x3840", " 1536 × 864 "})
    void sizesWithinTheRulesAreAccepted(String size) {
        assertThat(CustomSize.parse(size)).get().satisfies(s -> assertThat(s.problem()).isEmpty());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1000x1024 | Width 1000 is not a multiple of 16 pixels: try 992 or 1008.",
            "1024x1000 | Height 1000 is not a multiple of 16 pixels: try 992 or 1008.",
            "8x1024    | Width and height must be at least 16 pixels.",
            "0x0       | Width and height must be at least 16 pixels.",
            "3856x1296 | Too large: OpenAI allows at most 3840x2160 (8,294,400 pixels) and 3840 pixels on a side.",
            "2896x2896 | Too large: OpenAI allows at most 3840x2160 (8,294,400 pixels) and 3840 pixels on a side.",
            "3840x2176 | Too large: OpenAI allows at most 3840x2160 (8,294,400 pixels) and 3840 pixels on a side.",
            "3840x1264 | Too narrow or too wide: the aspect ratio must be between 1:3 and 3:1.",
            "16x64     | Too narrow or too wide: the aspect ratio must be between 1:3 and 3:1."})
    void sizesOutsideTheRulesSayWhatToChange(String size, String problem) {
        assertThat(CustomSize.parse(size).orElseThrow().problem()).contains(problem);
    }

    @ParameterizedTest(name = "\"{0}\" is not a size")
    @ValueSource(strings = {"auto", "", "1536", "1536x", "x864", "-16x16", "1536x864x2", "large", "123456x16"})
    void textThatIsNotWidthByHeightIsNoSize(String raw) {
        assertThat(CustomSize.parse(raw)).isEmpty();
    }

    @Test
    void aboveTwentyFiveSixtyByFourteenFortyResultsAreExperimental() {
        assertThat(new CustomSize(2560, 1440).experimental()).isFalse();
        assertThat(new CustomSize(2576, 1440).experimental()).isTrue();
        assertThat(new CustomSize(1536, 864).experimental()).isFalse();
        assertThat(new CustomSize(3840, 2160).experimental()).isTrue();
    }

    @Test
    void formFieldsNeedBothSides() {
        assertThat(CustomSize.problem(null, 864)).contains("Enter a width and a height in pixels, e.g. 1536 and 864.");
        assertThat(CustomSize.problem(1536, null)).isPresent();
        assertThat(CustomSize.problem(1536, 864)).isEmpty();
        assertThat(new CustomSize(1536, 864).value()).isEqualTo("1536x864");
        assertThat(CustomSize.pixels(8_294_400)).isEqualTo("8,294,400");
    }
}
