package studio.imgen.admin;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores and releases a workspace's OpenAI key. The plaintext leaves this class only through {@link #decrypt},
 * which the generation worker calls right before an upstream call; it is never put in a view, a DTO or a log.
 * Callers authorize first (settings service for admins, the job system for admitted jobs).
 */
@Component
public class ApiKeyVault {

    private final WorkspaceSettingsRepository repository;
    private final KeyCipher cipher;

    ApiKeyVault(WorkspaceSettingsRepository repository, KeyCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    /** Validates (trimmed, 20–200 characters), encrypts and stores the key. */
    public void store(UUID workspaceId, String rawKey, UUID setBy) {
        String key = ApiKeyPolicy.normalise(rawKey);
        repository.storeKey(workspaceId, cipher.encrypt(workspaceId, key), setBy);
    }

    public boolean clear(UUID workspaceId) {
        return repository.clearKey(workspaceId);
    }

    public boolean configured(UUID workspaceId) {
        return repository.findKey(workspaceId).isPresent();
    }

    public Optional<String> decrypt(UUID workspaceId) {
        return repository.findKey(workspaceId).map(encrypted -> cipher.decrypt(workspaceId, encrypted));
    }
}
