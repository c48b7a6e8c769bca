package studio.imgen.workspace;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.base.UserInputException;
import studio.imgen.security.UserAccounts;

/**
 * On the very first start (no user exists) creates the first admin (also the instance admin, who edits the model
 * catalogue) and a default workspace. The password comes
 * from {@code APP_ADMIN_PASSWORD}, or is random, printed once and must be changed at first login. There is never a
 * well-known default password.
 */
@Component
class FirstStartBootstrap implements ApplicationRunner {

    static final String DEFAULT_WORKSPACE = "Default workspace";
    private static final Logger log = LoggerFactory.getLogger(FirstStartBootstrap.class);

    private final UserAccounts accounts;
    private final WorkspaceRepository workspaces;
    private final TransactionTemplate transaction;
    private final String adminUsername;
    private final String adminPassword;

    FirstStartBootstrap(UserAccounts accounts, WorkspaceRepository workspaces, TransactionTemplate transaction,
                        @Value("${app.admin.username:}") String adminUsername,
                        @Value("${app.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.transaction = transaction;
        this.adminUsername = adminUsername.isBlank() ? "admin" : adminUsername.strip();
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.anyUserExists()) {
            createFirstAdmin(DEFAULT_WORKSPACE);
        }
    }

    /** Creates the admin and their workspace in one transaction; a refused configured password stops the start. */
    void createFirstAdmin(String workspaceName) {
        boolean generated = adminPassword.isBlank();
        String password = generated ? randomPassword() : adminPassword;
        try {
            transaction.executeWithoutResult(status -> {
                UUID adminId = accounts.create(adminUsername, "Administrator", password, generated);
                UUID workspaceId = workspaces.insert(workspaceName);
                workspaces.addMember(workspaceId, adminId, true);
                accounts.setInstanceAdmin(adminId, true);
            });
        } catch (UserInputException e) {
            throw new IllegalStateException("APP_ADMIN_USERNAME/APP_ADMIN_PASSWORD are not acceptable: " + e.getMessage());
        }
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created the admin account.
                       username: {}
                       password: {}
                     This is shown only once. You must change it at first login.
                    ================================================================""", adminUsername, password);
        } else {
            log.info("First start: created admin account '{}' from APP_ADMIN_USERNAME/APP_ADMIN_PASSWORD", adminUsername);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
