package studio.imgen.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's token rates in USD per one million tokens, as OpenAI publishes them. Rates are configuration data
 * because they change with every model. The cached-input rates are kept for the record (admins copy the whole
 * published table); the cost formula bills every input token at the full rate, because the Images API reports no
 * cached tokens.
 */
public record TokenPrices(BigDecimal textInPerMillion, BigDecimal imageInPerMillion,
                          BigDecimal imageOutPerMillion, BigDecimal textOutPerMillion,
                          BigDecimal textInCachedPerMillion, BigDecimal imageInCachedPerMillion) {

    public TokenPrices {
        requireRate(textInPerMillion, "textInPerMillion");
        requireRate(imageInPerMillion, "imageInPerMillion");
        requireRate(imageOutPerMillion, "imageOutPerMillion");
        requireRate(textOutPerMillion, "textOutPerMillion");
        requireRate(textInCachedPerMillion, "textInCachedPerMillion");
        requireRate(imageInCachedPerMillion, "imageInCachedPerMillion");
    }

    /** Rates without cached-input discounts. */
    public TokenPrices(BigDecimal textInPerMillion, BigDecimal imageInPerMillion, BigDecimal imageOutPerMillion,
                       BigDecimal textOutPerMillion) {
        this(textInPerMillion, imageInPerMillion, imageOutPerMillion, textOutPerMillion, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
