package studio.imgen.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Display of micro-dollar amounts. */
public final class Money {

    private Money() {
    }

    /**
     * "$0.0109" below one dollar (single images cost fractions of a cent, so two decimals would show "$0.01"
     * for most of them), "$20.04" from one dollar up. Rounded half-up.
     */
    public static String format(long micros) {
        BigDecimal magnitude = BigDecimal.valueOf(micros, 6).abs();
        BigDecimal fine = magnitude.setScale(4, RoundingMode.HALF_UP);
        // Decided on the rounded value, so $0.99996 shows as "$1.00", not "$1.0000".
        BigDecimal dollars = fine.compareTo(BigDecimal.ONE) < 0 ? fine : magnitude.setScale(2, RoundingMode.HALF_UP);
        return (micros < 0 ? "-$" : "$") + dollars.toPlainString();
    }

    /**
     * A cost as members and admins read it: "$0.0400", or "≈ $0.0400 (estimated)" when it was computed at rates the
     * catalogue marks as estimated rather than OpenAI's published ones.
     */
    public static String cost(long micros, boolean estimated) {
        return estimated ? "≈ " + format(micros) + " (estimated)" : format(micros);
    }

    /** A total of which {@code estimatedMicros} came from estimated rates: "≈ $1.20 (incl. $0.40 estimated)". */
    public static String total(long micros, long estimatedMicros) {
        if (estimatedMicros == 0) {
            return format(micros);
        }
        return estimatedMicros == micros ? cost(micros, true)
                : "≈ " + format(micros) + " (incl. " + format(estimatedMicros) + " estimated)";
    }
}
