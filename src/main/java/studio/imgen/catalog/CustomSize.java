package studio.imgen.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WIDTHxHEIGHT} size as OpenAI documents it for models with custom sizes (openai-images.md §1): both sides
 * multiples of 16, aspect between 1:3 and 3:1, at most 3840 pixels on the long side and 3840x2160 pixels in all;
 * above 2560x1440 OpenAI calls the result experimental. One rule for the catalogue editor, the forms (as you type)
 * and the server.
 */
public record CustomSize(int width, int height) {

    public static final int MAX_EDGE = 3840;
    public static final long MAX_PIXELS = 3840L * 2160L;
    public static final long EXPERIMENTAL_ABOVE_PIXELS = 2560L * 1440L;
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})\\s*[x×]\\s*(\\d{1,5})");

    /** "1536x864", "1536 × 864"; empty when the text is not of that form (e.g. "auto"). */
    public static Optional<CustomSize> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(raw.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(new CustomSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** What is wrong with the two fields of a form, as a sentence saying what to enter; empty when OpenAI takes it. */
    public static Optional<String> problem(Integer width, Integer height) {
        if (width == null || height == null) {
            return Optional.of("Enter a width and a height in pixels, e.g. 1536 and 864.");
        }
        return new CustomSize(width, height).problem();
    }

    /** What is wrong with this size, as a sentence; empty when OpenAI accepts it. */
    public Optional<String> problem() {
        if (width < 16 || height < 16) {
            return Optional.of("Width and height must be at least 16 pixels.");
        }
        if (width % 16 != 0) {
            return Optional.of(notMultiple("Width", width));
        }
        if (height % 16 != 0) {
            return Optional.of(notMultiple("Height", height));
        }
        if (Math.max(width, height) > 3 * Math.min(width, height)) {
            return Optional.of("Too narrow or too wide: the aspect ratio must be between 1:3 and 3:1.");
        }
        if (Math.max(width, height) > MAX_EDGE || pixels() > MAX_PIXELS) {
            return Optional.of("Too large: OpenAI allows at most 3840x2160 (" + pixels(MAX_PIXELS)
                    + " pixels) and 3840 pixels on a side.");
        }
        return Optional.empty();
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Above 2560x1440 OpenAI marks results as experimental: they may take longer and come out less consistent. */
    public boolean experimental() {
        return pixels() > EXPERIMENTAL_ABOVE_PIXELS;
    }

    /** "8,294,400". */
    public static String pixels(long count) {
        return String.format(Locale.ENGLISH, "%,d", count);
    }

    public String value() {
        return width + "x" + height;
    }

    private static String notMultiple(String side, int value) {
        int lower = value / 16 * 16;
        String nearest = lower == 0 ? String.valueOf(16) : lower + " or " + (lower + 16);
        return side + " " + value + " is not a multiple of 16 pixels: try " + nearest + ".";
    }
}
