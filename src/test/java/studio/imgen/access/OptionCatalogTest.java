package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionCatalogTest {

    @Test
    void defaultListsFollowTheCanonicalOrderWithTheirLabels() {
        assertThat(OptionCatalog.DEFAULT_SIZES).containsExactly(
                new Choice("auto", "Auto"),
                new Choice("1024x1024", "1024x1024 (Square)"),
                new Choice("1536x1024", "1536x1024 (Landscape)"),
                new Choice("1024x1536", "1024x1536 (Portrait)"));
        assertThat(OptionCatalog.DEFAULT_QUALITIES).containsExactly(
                new Choice("auto", "Auto"), new Choice("low", "Low"), new Choice("medium", "Medium"),
                new Choice("high", "High"));
        assertThat(OptionCatalog.of(List.of()).sizes()).isEqualTo(OptionCatalog.DEFAULT_SIZES);
    }

    @Test
    void sizeAndQualityListsMustStartWithAuto() {
        List<Choice> noAuto = List.of(new Choice("1024x1024", "Square"));

        assertThatThrownBy(() -> new OptionCatalog(List.of(), noAuto, OptionCatalog.DEFAULT_QUALITIES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptionCatalog(List.of(), OptionCatalog.DEFAULT_SIZES, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptionCatalog(List.of(), List.of(), OptionCatalog.DEFAULT_QUALITIES))
                .isInstanceOf(IllegalArgumentException.class);
        List<Choice> autoSecond = List.of(new Choice("low", "Low"), new Choice("auto", "Auto"));
        assertThatThrownBy(() -> new OptionCatalog(List.of(), OptionCatalog.DEFAULT_SIZES, autoSecond))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesMustBeDistinctIgnoringCase() {
        assertThatThrownBy(() -> OptionCatalog.of(List.of(ModelChoice.of("m", "M"), ModelChoice.of("M", "Other"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model ids");
        List<Choice> twice = List.of(new Choice("auto", "Auto"), new Choice("low", "Low"), new Choice("LOW", "Low"));
        assertThatThrownBy(() -> new OptionCatalog(List.of(), OptionCatalog.DEFAULT_SIZES, twice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qualities");
    }

    @Test
    void modelsWithoutCapabilityDataSupportEverything() {
        ModelChoice any = ModelChoice.of("m", "M");
        ModelChoice narrow = new ModelChoice("n", "N", Set.of("1024x1024"), Set.of("low"));

        assertThat(any.supportsSize("4096x4096")).isTrue();
        assertThat(any.supportsQuality("max")).isTrue();
        assertThat(narrow.supportsSize("1024x1024")).isTrue();
        assertThat(narrow.supportsSize("1536x1024")).isFalse();
        assertThat(narrow.supportsQuality("high")).isFalse();
    }

    @Test
    void missingDefaultSizeAndQualityMeanAuto() {
        assertThat(WorkspaceDefaults.NONE).isEqualTo(new WorkspaceDefaults(null, "auto", "auto"));
    }
}
