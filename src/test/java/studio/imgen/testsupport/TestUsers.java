package studio.imgen.testsupport;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import studio.imgen.admin.ApiKeyVault;
import studio.imgen.security.UserAccounts;
import studio.imgen.workspace.WorkspaceFixtures;

/**
 * Creates uniquely named users and workspaces, so tests sharing one database never collide. Passwords are
 * {@link #PASSWORD} unless a test chooses one.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * A key the fake OpenAI accepts (it takes any key starting with "sk-"). It is a registered canary: every workspace
     * key of the run must stay out of logs, responses and UI state ({@link CanaryWatch}).
     */
    public static final String API_KEY = Canaries.fresh();

    private final UserAccounts accounts;
    private final WorkspaceFixtures workspaces;
    private final ApiKeyVault keys;

    TestUsers(UserAccounts accounts, WorkspaceFixtures workspaces, ApiKeyVault keys) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.keys = keys;
    }

    /** A workspace whose OpenAI key is set (stand-in for the admin setting it). */
    public UUID workspaceWithKey(String name) {
        UUID id = workspace(name);
        keys.store(id, API_KEY, null);
        return id;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public UUID workspace(String name) {
        return workspaces.create(unique(name));
    }

    public TestUser member(UUID workspaceId, String name) {
        return create(workspaceId, name, false, false);
    }

    public TestUser admin(UUID workspaceId, String name) {
        return create(workspaceId, name, true, false);
    }

    public TestUser create(UUID workspaceId, String name, boolean admin, boolean mustChangePassword) {
        String username = unique(name);
        UUID id = accounts.create(username, name, PASSWORD, mustChangePassword);
        if (workspaceId != null) {
            workspaces.addMember(workspaceId, id, admin);
        }
        return new TestUser(id, username, name, workspaceId);
    }

    public void join(TestUser user, UUID workspaceId, boolean admin) {
        workspaces.addMember(workspaceId, user.id(), admin);
    }

    public void disable(TestUser user) {
        accounts.setEnabled(user.id(), false);
    }

    public record TestUser(UUID id, String username, String displayName, UUID workspaceId) {
    }
}
