package studio.imgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostCalculatorTest {

    /** gpt-image-1 rates from openai-images.md §9 (text out has no published rate). */
    private static final TokenPrices GPT_IMAGE_1 = prices("5.00", "10.00", "40.00", "0");
    private static final TokenPrices GPT_IMAGE_1_5 = prices("5.00", "8.00", "32.00", "10.00");
    private static final TokenPrices GPT_IMAGE_1_MINI = prices("2.00", "2.50", "8.00", "0");

    @Test
    void highQualitySquareImageAtFortyDollarsPerMillionCostsSixteenCents() {
        long micros = CostCalculator.cost(GPT_IMAGE_1, 0, 0, 4160, 0);

        assertThat(micros).isEqualTo(166_400);
        assertThat(Money.format(micros)).isEqualTo("$0.1664");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // quality/size, image-out tokens, expected micros at gpt-image-1.5's $32/M
            "low 1024x1024,     272,   8704",
            "low 1536x1024,     400,  12800",
            "medium 1024x1024, 1056,  33792",
            "medium 1024x1536, 1584,  50688",
            "high 1024x1024,   4160, 133120",
            "high 1536x1024,   6208, 198656"})
    void imageOutputTokensMatchThePerImageListPrices(String what, long imageOut, long expectedMicros) {
        assertThat(CostCalculator.cost(GPT_IMAGE_1_5, 0, 0, imageOut, 0)).isEqualTo(expectedMicros);
    }

    @Test
    void everyTokenKindIsChargedAtItsOwnRate() {
        // 50 text-in × $5 + 1000 image-in × $8 + 4160 image-out × $32 + 20 text-out × $10, per million.
        long micros = CostCalculator.cost(GPT_IMAGE_1_5, 50, 1000, 4160, 20);

        assertThat(micros).isEqualTo(250 + 8_000 + 133_120 + 200);
        assertThat(Money.format(micros)).isEqualTo("$0.1416");
    }

    @Test
    void eachRateOnlyAppliesToItsOwnTokens() {
        assertThat(CostCalculator.cost(GPT_IMAGE_1_MINI, 1_000_000, 0, 0, 0)).isEqualTo(2_000_000);
        assertThat(CostCalculator.cost(GPT_IMAGE_1_MINI, 0, 1_000_000, 0, 0)).isEqualTo(2_500_000);
        assertThat(CostCalculator.cost(GPT_IMAGE_1_MINI, 0, 0, 1_000_000, 0)).isEqualTo(8_000_000);
        assertThat(CostCalculator.cost(GPT_IMAGE_1_5, 0, 0, 0, 1_000_000)).isEqualTo(10_000_000);
    }

    @Test
    void fractionsOfAMicroDollarRoundHalfUp() {
        TokenPrices cachedMini = prices("0.20", "0.25", "0", "0");

        assertThat(CostCalculator.cost(cachedMini, 0, 2, 0, 0)).isEqualTo(1);   // 0.5 µ$ rounds up
        assertThat(CostCalculator.cost(cachedMini, 0, 1, 0, 0)).isZero();      // 0.25 µ$ rounds down
        assertThat(CostCalculator.cost(cachedMini, 3, 0, 0, 0)).isOne();       // 0.6 µ$ rounds up
        assertThat(CostCalculator.cost(cachedMini, 2, 1, 0, 0)).isOne();       // 0.4 + 0.25 rounded once, not per term
    }

    @Test
    void noUsageCostsNothing() {
        assertThat(CostCalculator.cost(GPT_IMAGE_1, 0, 0, 0, 0)).isZero();
    }

    @Test
    void negativeTokenCountsAreRejected() {
        assertThatThrownBy(() -> CostCalculator.cost(GPT_IMAGE_1, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("textIn");
        assertThatThrownBy(() -> CostCalculator.cost(GPT_IMAGE_1, 0, 0, 0, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("textOut");
    }

    @Test
    void pricesMustBePresentAndNotNegative() {
        assertThatThrownBy(() -> prices("-1", "0", "0", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("textInPerMillion");
        assertThatThrownBy(() -> new TokenPrices(BigDecimal.ONE, BigDecimal.ONE, null, BigDecimal.ONE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("imageOutPerMillion");
    }

    private static TokenPrices prices(String textIn, String imageIn, String imageOut, String textOut) {
        return new TokenPrices(new BigDecimal(textIn), new BigDecimal(imageIn), new BigDecimal(imageOut),
                new BigDecimal(textOut));
    }
}
