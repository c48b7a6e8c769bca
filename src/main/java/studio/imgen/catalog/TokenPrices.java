package studio.imgen.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's token rates in USD per one million tokens, as OpenAI publishes them. Rates are configuration data
 * because they change with every model.
 */
public record TokenPrices(BigDecimal textInPerMillion, BigDecimal imageInPerMillion,
                          BigDecimal imageOutPerMillion, BigDecimal textOutPerMillion) {

    public TokenPrices {
        requireRate(textInPerMillion, "textInPerMillion");
        requireRate(imageInPerMillion, "imageInPerMillion");
        requireRate(imageOutPerMillion, "imageOutPerMillion");
        requireRate(textOutPerMillion, "textOutPerMillion");
    }

    private static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
