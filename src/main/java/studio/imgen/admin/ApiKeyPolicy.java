package studio.imgen.admin;

import studio.imgen.base.UserInputException;

/** Checks an OpenAI key an admin saves (imgen-behaviour.md §6): trimmed, 20 to 200 characters. */
public final class ApiKeyPolicy {

    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 200;

    private ApiKeyPolicy() {
    }

    /** The trimmed key, or a {@link UserInputException} whose message never repeats the input. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new UserInputException("Enter an API key.");
        }
        String key = raw.strip();
        if (key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
            throw new UserInputException("The API key must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long.");
        }
        // The key goes into an HTTP header: whitespace or control characters inside it are a paste error.
        if (key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c))) {
            throw new UserInputException("The API key must not contain spaces or line breaks.");
        }
        return key;
    }
}
