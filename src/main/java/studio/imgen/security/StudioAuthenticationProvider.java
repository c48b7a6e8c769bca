package studio.imgen.security;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.AppUserRecord;

/**
 * Form login: throttle first, then the password, then the enabled flag. Checking "disabled" only after the
 * password is right means a wrong password on a disabled account reads like any other wrong password, so
 * accounts cannot be probed. Unknown users are hashed against a dummy password by Spring for equal timing.
 */
@Component
class StudioAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;
    private final LoginEvents events;
    private final UserAccountRepository accounts;

    StudioAuthenticationProvider(UserAccountRepository accounts, MembershipLookup memberships,
                                 PasswordEncoder passwordEncoder, LoginThrottle throttle, LoginEvents events) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.events = events;
        this.passwordCheck = new DaoAuthenticationProvider(username -> loadUser(username, memberships));
        passwordCheck.setPasswordEncoder(passwordEncoder);
        passwordCheck.setPreAuthenticationChecks(user -> { });
        passwordCheck.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account deactivated");
            }
        });
    }

    private StudioUser loadUser(String username, MembershipLookup memberships) {
        AppUserRecord row = accounts.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return Principals.of(row, memberships, row.getPasswordHash());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.remainingWait(username, address);
        if (wait.isPresent()) {
            events.record(username, null, LoginAttempted.Outcome.THROTTLED, address);
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication result = passwordCheck.authenticate(authentication);
            StudioUser user = (StudioUser) result.getPrincipal();
            throttle.recordSuccess(username);
            events.record(username, user.id(), LoginAttempted.Outcome.SUCCESS, address);
            return result;
        } catch (DisabledException e) {
            events.record(username, userId(username), LoginAttempted.Outcome.DISABLED, address);
            throw e;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(username, address);
            events.record(username, userId(username), LoginAttempted.Outcome.BAD_CREDENTIALS, address);
            throw e;
        }
    }

    private UUID userId(String username) {
        return accounts.findByUsername(username.strip()).map(AppUserRecord::getId).orElse(null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
