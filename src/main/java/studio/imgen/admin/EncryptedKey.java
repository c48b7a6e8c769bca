package studio.imgen.admin;

import java.util.Arrays;
import java.util.Objects;

/**
 * A workspace's OpenAI key as stored: AES-256-GCM ciphertext (tag included) under master key
 * {@code keyVersion}, its 96-bit nonce, and the last 4 characters for the "…abcd" display. Arrays are copied
 * in and out, and {@link #toString()} prints sizes only, so the record can't leak bytes into a log line.
 */
public record EncryptedKey(int keyVersion, byte[] nonce, byte[] ciphertext, String last4) {

    public EncryptedKey {
        if (keyVersion < 1) {
            throw new IllegalArgumentException("key version must be 1 or more");
        }
        Objects.requireNonNull(last4, "last4");
        if (Objects.requireNonNull(nonce, "nonce").length != KeyCipher.NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + KeyCipher.NONCE_BYTES + " bytes");
        }
        if (Objects.requireNonNull(ciphertext, "ciphertext").length < KeyCipher.TAG_BITS / 8) {
            throw new IllegalArgumentException("ciphertext is shorter than the GCM tag");
        }
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** What settings show instead of the key, e.g. "…abcd". */
    public String masked() {
        return "…" + last4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedKey other && keyVersion == other.keyVersion && last4.equals(other.last4)
                && Arrays.equals(nonce, other.nonce) && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyVersion, last4, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "EncryptedKey[keyVersion=" + keyVersion + ", nonce=" + nonce.length + " bytes, ciphertext="
                + ciphertext.length + " bytes]";
    }
}
