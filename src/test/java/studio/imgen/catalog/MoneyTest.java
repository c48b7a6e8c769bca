package studio.imgen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} µ$ -> {1}")
    @CsvSource({
            "0,           $0.0000",
            "1,           $0.0000",
            "50,          $0.0001",
            "10900,       $0.0109",
            "10950,       $0.0110",
            "166400,      $0.1664",
            "999949,      $0.9999",
            "999950,      $1.00",
            "1000000,     $1.00",
            "1004999,     $1.00",
            "1005000,     $1.01",
            "20000000,    $20.00",
            "20044999,    $20.04",
            "20045000,    $20.05",
            "1234567890123, $1234567.89",
            "-166400,     -$0.1664",
            "-20040000,   -$20.04"})
    void fourDecimalsBelowOneDollarTwoFromOneDollarUp(long micros, String expected) {
        assertThat(Money.format(micros)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void estimatedCostsAreMarkedAsSuch() {
        assertThat(Money.cost(40_000, true)).isEqualTo("≈ $0.0400 (estimated)");
        assertThat(Money.cost(40_000, false)).isEqualTo("$0.0400");
        assertThat(Money.total(1_200_000, 0)).isEqualTo("$1.20");
        assertThat(Money.total(1_200_000, 1_200_000)).isEqualTo("≈ $1.20 (estimated)");
        assertThat(Money.total(1_200_000, 400_000)).isEqualTo("≈ $1.20 (incl. $0.4000 estimated)");
    }
}
