package studio.imgen.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.TestUsers;

/** The startup step that finishes a master key rotation, on real PostgreSQL. */
@IntegrationTest
class MasterKeyRotationTest {

    static final String KEY = "sk-rotate-0123456789abcdefghijWXYZ";

    @Autowired
    WorkspaceSettingsRepository settings;
    @Autowired
    TestUsers users;

    @Test
    void keysUnderThePreviousMasterKeyAreReEncryptedUnderTheCurrentOne() {
        byte[] previous = randomKey();
        byte[] current = randomKey();
        UUID workspace = users.workspace("Rotating");
        UUID stranger = users.workspace("Stranger");
        settings.storeKey(workspace, new KeyCipher(Map.of(1, previous), 1).encrypt(workspace, KEY), null);
        // Another workspace's key under a master key this instance does not have: reported and left alone.
        EncryptedKey unreadable = new KeyCipher(Map.of(1, randomKey()), 1).encrypt(stranger, KEY);
        settings.storeKey(stranger, unreadable, null);
        KeyCipher rotating = new KeyCipher(Map.of(1, previous, 2, current), 2);

        assertThat(new MasterKeyRotation(settings, rotating).rotateAll()).isEqualTo(1);

        EncryptedKey stored = settings.findKey(workspace).orElseThrow();
        assertThat(stored.keyVersion()).isEqualTo(2);
        assertThat(stored.last4()).isEqualTo("WXYZ");
        assertThat(new KeyCipher(Map.of(2, current), 2).decrypt(workspace, stored)).isEqualTo(KEY);
        assertThat(settings.findKey(stranger)).contains(unreadable);
        assertThat(new MasterKeyRotation(settings, rotating).rotateAll()).isZero();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
