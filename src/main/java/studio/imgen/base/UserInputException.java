package studio.imgen.base;

/**
 * Input a user can fix: the message is a human sentence safe to show as it is (it never carries secrets or
 * internal detail).
 */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
