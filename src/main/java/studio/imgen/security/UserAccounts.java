package studio.imgen.security;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.UserInputException;
import imgen.db.tables.records.AppUserRecord;

/**
 * Account operations for other modules' services, which authorize the caller first (the first-start bootstrap,
 * and workspace admins managing members). Not for views.
 */
@Component
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;

    UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    public boolean anyUserExists() {
        return repository.anyUserExists();
    }

    public Optional<UUID> findIdByUsername(String username) {
        return repository.findByUsername(username.strip()).map(AppUserRecord::getId);
    }

    /** Creates an account after validating every field; messages name what to fix. */
    @Transactional
    public UUID create(String username, String displayName, String password, boolean mustChangePassword) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new UserInputException(
                    "Usernames are 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.");
        }
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        if (shown.length() > 100) {
            throw new UserInputException("Display names are at most 100 characters.");
        }
        PasswordPolicy.problem(password, name).ifPresent(p -> {
            throw new UserInputException(p);
        });
        if (repository.findByUsername(name).isPresent()) {
            throw new UserInputException("The username “" + name + "” is already taken.");
        }
        return repository.insert(name, shown, passwordEncoder.encode(password), mustChangePassword);
    }

    /** Sets a new password chosen by an admin; the user must change it at their next login. */
    @Transactional
    public void resetPassword(UUID userId, String newPassword) {
        AppUserRecord user = repository.findById(userId).orElseThrow(() -> new UserInputException("No such user."));
        PasswordPolicy.problem(newPassword, user.getUsername()).ifPresent(p -> {
            throw new UserInputException(p);
        });
        repository.updatePassword(userId, passwordEncoder.encode(newPassword), true);
    }

    @Transactional
    public void setEnabled(UUID userId, boolean enabled) {
        repository.updateEnabled(userId, enabled);
    }

    public boolean isEnabled(UUID userId) {
        return repository.findById(userId).map(AppUserRecord::getEnabled).orElse(false);
    }

    /** Instance-wide rights (the model catalogue), read from the database at every check. */
    public boolean isInstanceAdmin(UUID userId) {
        return repository.findById(userId).map(u -> u.getEnabled() && u.getIsInstanceAdmin()).orElse(false);
    }

    @Transactional
    public void setInstanceAdmin(UUID userId, boolean instanceAdmin) {
        repository.updateInstanceAdmin(userId, instanceAdmin);
    }

    public void rememberWorkspace(UUID userId, UUID workspaceId) {
        repository.updateLastWorkspace(userId, workspaceId);
    }
}
