package studio.imgen.admin;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Finishes a master key rotation at startup: every workspace key still encrypted under an older master key version
 * is re-encrypted under the current one (APP_MASTER_KEY). After one start with APP_MASTER_KEY_PREVIOUS set, the
 * previous key is no longer needed. A key that cannot be decrypted is left as it is and reported, never dropped.
 */
@Component
class MasterKeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

    private final WorkspaceSettingsRepository settings;
    private final KeyCipher cipher;

    MasterKeyRotation(WorkspaceSettingsRepository settings, KeyCipher cipher) {
        this.settings = settings;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        rotateAll();
    }

    /** Returns how many keys were re-encrypted. */
    int rotateAll() {
        int rotated = 0;
        for (UUID workspaceId : settings.workspacesWithKeyVersionOtherThan(cipher.currentVersion())) {
            EncryptedKey old = settings.findKey(workspaceId).orElse(null);
            if (old == null || cipher.isCurrent(old)) {
                continue;
            }
            try {
                if (settings.replaceEncryption(workspaceId, old, cipher.rotate(workspaceId, old))) {
                    rotated++;
                }
            } catch (KeyDecryptionException e) {
                log.warn("Could not re-encrypt a workspace OpenAI key: {}", e.getMessage());
            }
        }
        if (rotated > 0) {
            log.info("Re-encrypted {} workspace OpenAI key(s) under master key version {}.", rotated,
                    cipher.currentVersion());
        }
        return rotated;
    }
}
