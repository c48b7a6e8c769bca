package studio.imgen.base.ui;

import java.util.function.Supplier;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;

/** Runs an admin action from a button: the outcome sentence on success, the refusal sentence on a user error. */
public final class Actions {

    private Actions() {
    }

    /** For actions whose answer always means it worked. Returns whether it did. */
    public static boolean run(Supplier<String> action, Runnable afterSuccess) {
        return report(() -> Notice.success(action.get()), afterSuccess);
    }

    /** For actions that say themselves how it went ("No changes specified" is information, not success). */
    public static boolean report(Supplier<Notice> action, Runnable afterSuccess) {
        try {
            Notifications.show(action.get());
            afterSuccess.run();
            return true;
        } catch (UserInputException e) {
            Notifications.error(e.getMessage());
            return false;
        }
    }
}
