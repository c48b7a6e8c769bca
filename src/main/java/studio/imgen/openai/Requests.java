package studio.imgen.openai;

/** Argument checks shared by the request records; OpenAI validates the rest and answers with a typed failure. */
final class Requests {

    static final int MAX_PARTIAL_IMAGES = 3;

    private Requests() {}

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void requirePartialImages(int partialImages) {
        if (partialImages < 0 || partialImages > MAX_PARTIAL_IMAGES) {
            throw new IllegalArgumentException("partialImages must be 0 to " + MAX_PARTIAL_IMAGES);
        }
    }
}
