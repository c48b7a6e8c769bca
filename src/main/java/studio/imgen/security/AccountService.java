package studio.imgen.security;

import jakarta.annotation.security.PermitAll;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.UserInputException;
import imgen.db.tables.records.AppUserRecord;

/** What a logged-in user may do with their own account. */
@Service
public class AccountService {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;

    AccountService(UserAccountRepository repository, PasswordEncoder passwordEncoder, CurrentUser currentUser) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
    }

    /**
     * Changes the caller's password after checking the current one, and returns the updated principal (which no
     * longer has to change its password) for the caller to store in the session.
     */
    @PermitAll
    @Transactional
    public StudioUser changePassword(String currentPassword, String newPassword, String confirmation) {
        StudioUser me = currentUser.require();
        AppUserRecord account = repository.findById(me.id()).orElseThrow(() -> new UserInputException("Your account no longer exists."));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new UserInputException("Your current password is not correct.");
        }
        PasswordPolicy.problem(newPassword, account.getUsername()).ifPresent(p -> {
            throw new UserInputException(p);
        });
        if (!newPassword.equals(confirmation)) {
            throw new UserInputException("The two new passwords do not match.");
        }
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new UserInputException("Choose a password different from the current one.");
        }
        repository.updatePassword(me.id(), passwordEncoder.encode(newPassword), false);
        return me.withPasswordChanged();
    }
}
