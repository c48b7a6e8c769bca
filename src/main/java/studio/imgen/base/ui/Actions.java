package studio.imgen.base.ui;

import java.util.function.Supplier;
import studio.imgen.base.UserInputException;

/** Runs an admin action from a button: the outcome sentence on success, the refusal sentence on a user error. */
public final class Actions {

    private Actions() {
    }

    /** Returns whether the action succeeded; {@code afterSuccess} refreshes what the action changed. */
    public static boolean run(Supplier<String> action, Runnable afterSuccess) {
        try {
            Feedback.result(action.get());
            afterSuccess.run();
            return true;
        } catch (UserInputException e) {
            Feedback.error(e.getMessage());
            return false;
        }
    }
}
