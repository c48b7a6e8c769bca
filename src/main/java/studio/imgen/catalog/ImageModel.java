package studio.imgen.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One catalogue entry: what the model can do, what it costs per token and where it is in OpenAI's lifecycle.
 * Sizes and qualities are open strings (newer models add values) and include {@code auto} when supported.
 *
 * @param ratesEstimated the token rates are an estimate, not OpenAI's published ones, so costs are marked estimated
 * @param supportsCustomSizes any {@link CustomSize} besides the listed sizes
 */
public record ImageModel(String id, String label, int sortOrder, boolean enabled, boolean isDefault,
                         List<String> sizes, List<String> qualities, boolean supportsTransparent,
                         int maxReferenceImages, boolean supportsMask, boolean supportsInputFidelity, int maxImages,
                         TokenPrices prices, LocalDate deprecatedFrom, LocalDate shutdownOn, String replacement,
                         boolean supportsStreaming, boolean ratesEstimated, boolean supportsCustomSizes) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public ImageModel {
        sizes = List.copyOf(sizes);
        qualities = List.copyOf(qualities);
    }

    /** Shut down: never offered, calls fail upstream with model_not_found. */
    public boolean retiredOn(LocalDate today) {
        return shutdownOn != null && !today.isBefore(shutdownOn);
    }

    /** Where the model is in OpenAI's lifecycle: "Available", "Retiring on 1 December 2026" or "Shut down". */
    public String lifecycle(LocalDate today) {
        return lifecycle(shutdownOn, today);
    }

    static String lifecycle(LocalDate shutdownOn, LocalDate today) {
        if (shutdownOn == null) {
            return "Available";
        }
        return !today.isBefore(shutdownOn) ? "Shut down" : "Retiring on " + day(shutdownOn);
    }

    /** "1 December 2026". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public boolean offeredOn(LocalDate today) {
        return enabled && !retiredOn(today);
    }

    /** A visible warning while the model is offered but announced to shut down. */
    public Optional<String> retirementWarning(LocalDate today) {
        if (shutdownOn == null || retiredOn(today)) {
            return Optional.empty();
        }
        boolean announced = deprecatedFrom == null || !today.isBefore(deprecatedFrom);
        if (!announced) {
            return Optional.empty();
        }
        String instead = replacement == null ? "" : " Switch to " + replacement + " before then.";
        return Optional.of(label + " retires on " + DAY.format(shutdownOn) + "." + instead);
    }
}
