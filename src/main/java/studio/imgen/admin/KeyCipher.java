package studio.imgen.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts workspace OpenAI keys at rest (security-reliability.md K1, §4.9): AES-256-GCM, a fresh random
 * 96-bit nonce per encryption, a 128-bit tag, and AAD {@code openai-key:ws=<workspaceId>:v<keyVersion>} so a
 * ciphertext only opens for its own workspace and master key version.
 *
 * <p>Master keys are numbered. New keys are encrypted under the current version; older versions stay
 * readable while rows are re-encrypted with {@link #rotate}.
 */
public final class KeyCipher {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int KEY_BYTES = 32;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Map<Integer, SecretKey> masterKeys;
    private final int currentVersion;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param masterKeys master key version to its 32 bytes (copied)
     * @param currentVersion the version new keys are encrypted under
     */
    public KeyCipher(Map<Integer, byte[]> masterKeys, int currentVersion) {
        Map<Integer, SecretKey> keys = new TreeMap<>();
        masterKeys.forEach((version, bytes) -> {
            if (version == null || version < 1) {
                throw new IllegalArgumentException("master key versions start at 1");
            }
            if (bytes == null || bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("master key version " + version + " is not " + KEY_BYTES + " bytes");
            }
            keys.put(version, new SecretKeySpec(bytes, "AES"));
        });
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no master key for the current version " + currentVersion);
        }
        this.masterKeys = Map.copyOf(keys);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** Encrypts under the current master key version. */
    public EncryptedKey encrypt(UUID workspaceId, String apiKey) {
        return encrypt(workspaceId, currentVersion, apiKey);
    }

    public EncryptedKey encrypt(UUID workspaceId, int keyVersion, String apiKey) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(apiKey, "apiKey");
        SecretKey key = masterKeys.get(keyVersion);
        if (key == null) {
            throw new IllegalArgumentException("no master key for version " + keyVersion);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = apiKey.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(workspaceId, keyVersion));
            return new EncryptedKey(keyVersion, nonce, cipher.doFinal(plain),
                    apiKey.substring(Math.max(0, apiKey.length() - 4)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The plain key; only the OpenAI adapter should call this, just before a request. */
    public String decrypt(UUID workspaceId, EncryptedKey encrypted) {
        SecretKey key = masterKeys.get(encrypted.keyVersion());
        if (key == null) {
            throw new KeyDecryptionException("No master key for version " + encrypted.keyVersion()
                    + " to decrypt the OpenAI key of workspace " + workspaceId
                    + " (is APP_MASTER_KEY_PREVIOUS missing?).");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, encrypted.nonce()));
            cipher.updateAAD(aad(workspaceId, encrypted.keyVersion()));
            return new String(cipher.doFinal(encrypted.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException: wrong master key, another workspace's row, or tampering.
            throw new KeyDecryptionException("The OpenAI key of workspace " + workspaceId
                    + " could not be decrypted with master key version " + encrypted.keyVersion()
                    + ": wrong master key or tampered data.", e);
        }
    }

    public boolean isCurrent(EncryptedKey encrypted) {
        return encrypted.keyVersion() == currentVersion;
    }

    /** The key re-encrypted under the current master key version (the same object if it already is). */
    public EncryptedKey rotate(UUID workspaceId, EncryptedKey encrypted) {
        return isCurrent(encrypted) ? encrypted : encrypt(workspaceId, decrypt(workspaceId, encrypted));
    }

    static byte[] aad(UUID workspaceId, int keyVersion) {
        return ("openai-key:ws=" + workspaceId + ":v" + keyVersion).getBytes(StandardCharsets.UTF_8);
    }
}
