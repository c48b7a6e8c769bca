package studio.imgen.admin;

/**
 * A stored key could not be decrypted: the wrong master key, an unknown key version, or tampered data. Never
 * fall back to anything; alert an operator. The message names the workspace and version, never key material.
 */
public class KeyDecryptionException extends RuntimeException {

    public KeyDecryptionException(String message) {
        super(message);
    }

    public KeyDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
