package studio.imgen.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Raised before the password is checked when the account or address must still wait. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed attempts");
        this.wait = wait;
    }

    /** Whole seconds to wait, at least 1. */
    public long waitSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
