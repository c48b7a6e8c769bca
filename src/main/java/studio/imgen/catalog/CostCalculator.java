package studio.imgen.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Cost of one OpenAI call from its returned {@code usage} (openai-images.md §9). Amounts are micro-dollars
 * (1e-6 USD) so they add up exactly in a {@code bigint} column.
 */
public final class CostCalculator {

    private CostCalculator() {
    }

    /**
     * The exact cost rounded half-up to whole micro-dollars. A rate is USD per million tokens, so tokens × rate
     * is already the cost in micro-dollars.
     */
    public static long cost(TokenPrices prices, long textIn, long imageIn, long imageOut, long textOut) {
        BigDecimal micros = term(textIn, prices.textInPerMillion(), "textIn")
                .add(term(imageIn, prices.imageInPerMillion(), "imageIn"))
                .add(term(imageOut, prices.imageOutPerMillion(), "imageOut"))
                .add(term(textOut, prices.textOutPerMillion(), "textOut"));
        return micros.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal term(long tokens, BigDecimal ratePerMillion, String name) {
        if (tokens < 0) {
            throw new IllegalArgumentException(name + " tokens must not be negative");
        }
        return ratePerMillion.multiply(BigDecimal.valueOf(tokens));
    }
}
