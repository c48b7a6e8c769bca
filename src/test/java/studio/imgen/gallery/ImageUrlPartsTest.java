package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small parsers behind the image endpoints: ids from the path and If-None-Match. */
class ImageUrlPartsTest {

    @Test
    void onlyCanonicalIdsAreAccepted() {
        UUID id = UUID.randomUUID();
        assertThat(ImageIds.parse(id.toString())).contains(id);
        assertThat(ImageIds.parse(id.toString().toUpperCase())).isEmpty();
        assertThat(ImageIds.parse("1-2-3-4-5")).isEmpty();
        assertThat(ImageIds.parse(id.toString().replace("-", ""))).isEmpty();
        assertThat(ImageIds.parse(id + " ")).isEmpty();
        assertThat(ImageIds.parse("../" + id)).isEmpty();
        assertThat(ImageIds.parse(null)).isEmpty();
    }

    @Test
    void ifNoneMatchUsesWeakComparisonListsAndStar() {
        String tag = "\"abc\"";
        assertThat(ETags.matches(tag, tag)).isTrue();
        assertThat(ETags.matches("W/\"abc\"", tag)).isTrue();
        assertThat(ETags.matches("\"x\",  \"abc\"", tag)).isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("\"abc-t\"", tag)).isFalse();
        assertThat(ETags.matches("abc", tag)).isFalse();
        assertThat(ETags.matches("", tag)).isFalse();
        assertThat(ETags.matches(null, tag)).isFalse();
    }
}
