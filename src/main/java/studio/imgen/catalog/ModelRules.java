package studio.imgen.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import studio.imgen.base.UserInputException;

/**
 * What a catalogue entry must satisfy, with one sentence per problem saying what to fix. Listed sizes follow the
 * API's limits ({@link CustomSize}).
 */
final class ModelRules {

    static final List<String> QUALITIES = List.of("auto", "low", "medium", "high", "xhigh", "max");
    private static final Pattern MODEL_ID = Pattern.compile("(gpt-image|chatgpt-image)-[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern CHAT_MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,63}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ModelRules() {
    }

    static String modelId(String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            throw new UserInputException("Enter the model id exactly as OpenAI lists it, e.g. gpt-image-2.");
        }
        if (id.length() > 64 || !MODEL_ID.matcher(id).matches()) {
            throw new UserInputException("“" + id + "” does not look like an OpenAI image model id. Use the id exactly"
                    + " as OpenAI lists it, e.g. gpt-image-2 or gpt-image-2.5-flare: lowercase letters, digits, dots"
                    + " and dashes, starting with gpt-image- or chatgpt-image-.");
        }
        return id;
    }

    static String chatModelId(String raw) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (id.startsWith("gpt-image") || id.startsWith("chatgpt-image") || id.startsWith("dall-e")) {
            throw new UserInputException("“" + id + "” is an image model. A conversation model is a chat model such as"
                    + " gpt-5.4-mini: it calls the image model as a tool.");
        }
        if (!CHAT_MODEL_ID.matcher(id).matches()) {
            throw new UserInputException("Enter the chat model id exactly as OpenAI lists it, e.g. gpt-5.4-mini"
                    + " (lowercase letters, digits, dots and dashes).");
        }
        return id;
    }

    static ChatModel validateChat(ChatModelDraft d, String id, int sortOrder, boolean isDefault, Set<String> known) {
        String label = label(d.label(), "GPT-5.4 mini");
        lifecycle(d.deprecatedFrom(), d.shutdownOn());
        String replacement = d.replacement() == null || d.replacement().isBlank() ? null : d.replacement().strip();
        if (replacement != null && (replacement.equals(id) || !known.contains(replacement))) {
            throw new UserInputException("The replacement must be another chat model in the catalogue, e.g. gpt-5.4.");
        }
        return new ChatModel(id, label, sortOrder, d.enabled(), isDefault, d.supportsImageTool(), d.deprecatedFrom(),
                d.shutdownOn(), replacement);
    }

    private static String label(String raw, String example) {
        String label = raw == null ? "" : raw.strip();
        if (label.isEmpty() || label.length() > 80) {
            throw new UserInputException("Enter a label of 1 to 80 characters, e.g. " + example + ".");
        }
        return label;
    }

    /** Validates the draft into a model; {@code known} are the ids already in the catalogue (for the replacement). */
    static ImageModel validate(ModelDraft d, String id, int sortOrder, boolean isDefault, Set<String> known) {
        String label = label(d.label(), "GPT Image 2");
        List<String> sizes = sizes(d.sizes());
        List<String> qualities = qualities(d.qualities());
        if (d.maxImages() == null || d.maxImages() < 1 || d.maxImages() > 10) {
            throw new UserInputException("Images per request must be between 1 and 10 (the API's limit).");
        }
        if (d.maxReferenceImages() == null || d.maxReferenceImages() < 0 || d.maxReferenceImages() > 16) {
            throw new UserInputException("Reference images must be between 0 and 16 (the API's limit).");
        }
        TokenPrices prices = new TokenPrices(price(d.textIn(), "text input"), price(d.imageIn(), "image input"),
                price(d.imageOut(), "image output"), price(d.textOut(), "text output"),
                price(d.textInCached(), "cached text input"), price(d.imageInCached(), "cached image input"));
        lifecycle(d.deprecatedFrom(), d.shutdownOn());
        String replacement = d.replacement() == null || d.replacement().isBlank() ? null : d.replacement().strip();
        if (replacement != null && (replacement.equals(id) || !known.contains(replacement))) {
            throw new UserInputException("The replacement must be another model in the catalogue, e.g. gpt-image-2.");
        }
        return new ImageModel(id, label, sortOrder, d.enabled(), isDefault, sizes, qualities, d.supportsTransparent(),
                d.maxReferenceImages(), d.supportsMask(), d.supportsInputFidelity(), d.maxImages(), prices,
                d.deprecatedFrom(), d.shutdownOn(), replacement, d.supportsStreaming(), d.ratesEstimated(),
                d.supportsCustomSizes());
    }

    /** {@code auto} first, then the sizes as entered; duplicates dropped, {@code X} read as {@code x}. */
    static List<String> sizes(List<String> raw) {
        Set<String> sizes = new LinkedHashSet<>();
        boolean auto = false;
        for (String entry : raw) {
            String size = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT).replace('×', 'x');
            if (size.isEmpty()) {
                continue;
            }
            if (size.equals("auto")) {
                auto = true;
                continue;
            }
            sizes.add(size(size));
        }
        if (sizes.isEmpty()) {
            throw new UserInputException("List at least one size besides auto, e.g. 1024x1024.");
        }
        List<String> all = new ArrayList<>();
        if (auto) {
            all.add("auto");
        }
        all.addAll(sizes);
        return all;
    }

    private static String size(String size) {
        CustomSize parsed = CustomSize.parse(size).orElseThrow(() -> new UserInputException("“" + size
                + "” is not a size: use WIDTHxHEIGHT in pixels, e.g. 1536x1024, or auto."));
        parsed.problem().ifPresent(problem -> {
            throw new UserInputException("Size " + size + ": " + Character.toLowerCase(problem.charAt(0))
                    + problem.substring(1));
        });
        return parsed.value();
    }

    private static List<String> qualities(List<String> raw) {
        List<String> chosen = QUALITIES.stream().filter(raw::contains).toList();
        raw.stream().filter(q -> !QUALITIES.contains(q)).findFirst().ifPresent(q -> {
            throw new UserInputException("“" + q + "” is not a quality. Choose from " + String.join(", ", QUALITIES) + ".");
        });
        if (chosen.isEmpty()) {
            throw new UserInputException("Choose at least one quality.");
        }
        return chosen;
    }

    private static BigDecimal price(BigDecimal price, String name) {
        if (price == null) {
            throw new UserInputException("Enter the " + name + " price in USD per million tokens (0 if OpenAI does"
                    + " not charge it).");
        }
        if (price.signum() < 0) {
            throw new UserInputException("The " + name + " price cannot be negative.");
        }
        if (price.stripTrailingZeros().scale() > 4) {
            throw new UserInputException("The " + name + " price has more than 4 decimals.");
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            throw new UserInputException("The " + name + " price is too large.");
        }
        return price.setScale(4, java.math.RoundingMode.UNNECESSARY);
    }

    private static void lifecycle(LocalDate deprecatedFrom, LocalDate shutdownOn) {
        if (deprecatedFrom != null && shutdownOn == null) {
            throw new UserInputException("A deprecation date needs a shutdown date: enter when the model shuts down.");
        }
        if (deprecatedFrom != null && deprecatedFrom.isAfter(shutdownOn)) {
            throw new UserInputException("The deprecation date (" + DAY.format(deprecatedFrom) + ") must be on or before"
                    + " the shutdown date (" + DAY.format(shutdownOn) + ").");
        }
    }
}
