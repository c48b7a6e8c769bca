package studio.imgen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyCipherTest {

    static final UUID ACME = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID BETA = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final String CANARY = "sk-test-CANARY-" + "x".repeat(24) + "wxyz";
    static final byte[] KEY_1 = filled(1);
    static final byte[] KEY_2 = filled(2);

    final KeyCipher cipher = new KeyCipher(Map.of(1, KEY_1), 1);

    @Test
    void aKeyRoundTrips() {
        EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);

        assertThat(encrypted.keyVersion()).isEqualTo(1);
        assertThat(encrypted.nonce()).hasSize(12);
        assertThat(encrypted.ciphertext()).hasSize(CANARY.length() + 16); // plaintext + 128-bit tag
        assertThat(new String(encrypted.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("CANARY");
        assertThat(encrypted.last4()).isEqualTo("wxyz");
        assertThat(encrypted.masked()).isEqualTo("…wxyz");
        assertThat(cipher.decrypt(ACME, encrypted)).isEqualTo(CANARY);
    }

    @Test
    void theFormatIsStandardAesGcmWithTheDocumentedAad() throws Exception {
        EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);

        // Decrypt independently of KeyCipher, so the AAD text and parameters are pinned.
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY_1, "AES"), new GCMParameterSpec(128, encrypted.nonce()));
        gcm.updateAAD("openai-key:ws=11111111-1111-1111-1111-111111111111:v1".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(gcm.doFinal(encrypted.ciphertext()), StandardCharsets.UTF_8)).isEqualTo(CANARY);
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        Set<String> nonces = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);
            nonces.add(Arrays.toString(encrypted.nonce()));
            ciphertexts.add(Arrays.toString(encrypted.ciphertext()));
        }

        assertThat(nonces).hasSize(200);
        assertThat(ciphertexts).hasSize(200);
    }

    @Test
    void aFlippedBitAnywhereFails() {
        EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);
        byte[] ciphertext = encrypted.ciphertext();
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            EncryptedKey bad = new EncryptedKey(1, encrypted.nonce(), tampered, encrypted.last4());

            assertDecryptionFails(() -> cipher.decrypt(ACME, bad));
        }
        byte[] nonce = encrypted.nonce();
        nonce[0] ^= (byte) 0x80;
        assertDecryptionFails(() -> cipher.decrypt(ACME, new EncryptedKey(1, nonce, ciphertext, "wxyz")));
    }

    @Test
    void anotherWorkspacesRowDoesNotOpen() {
        EncryptedKey acmeKey = cipher.encrypt(ACME, CANARY);

        assertDecryptionFails(() -> cipher.decrypt(BETA, acmeKey));
    }

    @Test
    void aCiphertextRelabelledWithAnotherVersionDoesNotOpen() {
        // Even where both versions share one master key, the version is bound through the AAD.
        KeyCipher sameKeyTwice = new KeyCipher(Map.of(1, KEY_1, 2, KEY_1), 2);
        EncryptedKey v2 = sameKeyTwice.encrypt(ACME, CANARY);
        EncryptedKey relabelled = new EncryptedKey(1, v2.nonce(), v2.ciphertext(), v2.last4());

        assertDecryptionFails(() -> sameKeyTwice.decrypt(ACME, relabelled));
    }

    @Test
    void theWrongMasterKeyFails() {
        EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);
        KeyCipher other = new KeyCipher(Map.of(1, KEY_2), 1);

        assertDecryptionFails(() -> other.decrypt(ACME, encrypted));
    }

    @Test
    void anUnknownVersionFailsWithAHint() {
        EncryptedKey v1 = cipher.encrypt(ACME, CANARY);
        KeyCipher onlyV2 = new KeyCipher(Map.of(2, KEY_2), 2);

        assertThatThrownBy(() -> onlyV2.decrypt(ACME, v1))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("version 1").hasMessageContaining("APP_MASTER_KEY_PREVIOUS")
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void rotationKeepsOldRowsReadableAndReEncryptsThem() {
        EncryptedKey v1 = cipher.encrypt(ACME, CANARY);
        KeyCipher rotated = new KeyCipher(Map.of(2, KEY_2, 1, KEY_1), 2);

        assertThat(rotated.isCurrent(v1)).isFalse();
        assertThat(rotated.decrypt(ACME, v1)).isEqualTo(CANARY);
        EncryptedKey v2 = rotated.rotate(ACME, v1);

        assertThat(v2.keyVersion()).isEqualTo(2);
        assertThat(rotated.isCurrent(v2)).isTrue();
        assertThat(rotated.rotate(ACME, v2)).isSameAs(v2);
        assertThat(new KeyCipher(Map.of(2, KEY_2), 2).decrypt(ACME, v2)).isEqualTo(CANARY);
    }

    @Test
    void anExplicitVersionIsUsedAndMustExist() {
        KeyCipher both = new KeyCipher(Map.of(1, KEY_1, 2, KEY_2), 2);

        assertThat(both.encrypt(ACME, CANARY).keyVersion()).isEqualTo(2);
        assertThat(both.encrypt(ACME, 1, CANARY).keyVersion()).isEqualTo(1);
        assertThat(new KeyCipher(Map.of(1, KEY_1), 1).decrypt(ACME, both.encrypt(ACME, 1, CANARY))).isEqualTo(CANARY);
        assertThatThrownBy(() -> both.encrypt(ACME, 3, CANARY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masterKeysMustBe32BytesWithVersionsFromOne() {
        assertThatThrownBy(() -> new KeyCipher(Map.of(1, new byte[31]), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeyCipher(Map.of(0, KEY_1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCipher(Map.of(1, KEY_1), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current version 2");
        assertThat(cipher.currentVersion()).isEqualTo(1);
    }

    @Test
    void theMasterKeyBytesAreCopied() {
        byte[] key = filled(7);
        KeyCipher own = new KeyCipher(Map.of(1, key), 1);
        EncryptedKey encrypted = own.encrypt(ACME, CANARY);

        Arrays.fill(key, (byte) 0);

        assertThat(own.decrypt(ACME, encrypted)).isEqualTo(CANARY);
    }

    @Test
    void theRecordPrintsNoBytesAndIsImmutable() {
        EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);

        assertThat(encrypted.toString()).isEqualTo("EncryptedKey[keyVersion=1, nonce=12 bytes, ciphertext="
                + (CANARY.length() + 16) + " bytes]");
        encrypted.nonce()[0] ^= 1;
        encrypted.ciphertext()[0] ^= 1;
        assertThat(cipher.decrypt(ACME, encrypted)).isEqualTo(CANARY);
    }

    @Test
    void recordsWithTheSameContentAreEqual() {
        EncryptedKey encrypted = cipher.encrypt(ACME, CANARY);
        EncryptedKey copy = new EncryptedKey(1, encrypted.nonce(), encrypted.ciphertext(), "wxyz");

        assertThat(copy).isEqualTo(encrypted).hasSameHashCodeAs(encrypted);
        assertThat(cipher.encrypt(ACME, CANARY)).isNotEqualTo(encrypted);
        assertThat(new EncryptedKey(1, encrypted.nonce(), encrypted.ciphertext(), "zzzz")).isNotEqualTo(encrypted);
    }

    @Test
    void malformedRecordsAreRejected() {
        assertThatThrownBy(() -> new EncryptedKey(1, new byte[11], new byte[32], "abcd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptedKey(1, new byte[12], new byte[15], "abcd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptedKey(0, new byte[12], new byte[16], "abcd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertDecryptionFails(Runnable decrypt) {
        assertThatThrownBy(decrypt::run)
                .isInstanceOf(KeyDecryptionException.class)
                .hasCauseInstanceOf(AEADBadTagException.class)
                .hasMessageContaining("wrong master key or tampered data")
                .hasMessageNotContaining(CANARY)
                .hasMessageNotContaining("wxyz");
    }

    static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        key[31] = (byte) (value * 31);
        return key;
    }
}
