package studio.imgen.admin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link KeyCipher} from the environment (security-reliability.md K2, §4.9). Fails fast with
 * messages that never contain the configured values; a decoding error's own message is not attached either,
 * since it can quote a character of the value.
 *
 * <p>Versions: {@code APP_MASTER_KEY} is version {@code APP_MASTER_KEY_VERSION} (default 1) and the optional
 * {@code APP_MASTER_KEY_PREVIOUS} is the version before it. Without {@code APP_MASTER_KEY} a development
 * instance on the embedded database gets a generated key in {@code <dataDir>/master.key}.
 */
final class MasterKeyLoader {

    static final String FILE_NAME = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(MasterKeyLoader.class);

    /**
     * Raw configuration; blank texts count as absent.
     *
     * @param embeddedDb the embedded (development) database is in use
     */
    record Settings(String masterKey, String previousKey, String version, boolean embeddedDb, Path dataDir) {
    }

    private MasterKeyLoader() {
    }

    static KeyCipher load(Settings settings) {
        int version = version(settings.version());
        Map<Integer, byte[]> keys = new HashMap<>();
        if (!blank(settings.masterKey())) {
            keys.put(version, decode(settings.masterKey(), "APP_MASTER_KEY"));
        } else if (settings.embeddedDb()) {
            keys.put(version, fileKey(settings.dataDir().resolve(FILE_NAME)));
        } else {
            throw new IllegalStateException("APP_MASTER_KEY is not set. It is required with an external database:"
                    + " set it to the base64 encoding of 32 random bytes"
                    + " (e.g. the output of `openssl rand -base64 32`).");
        }
        if (!blank(settings.previousKey())) {
            if (version < 2) {
                throw new IllegalStateException("APP_MASTER_KEY_PREVIOUS is set, so APP_MASTER_KEY_VERSION must be 2"
                        + " or more: the previous key is version APP_MASTER_KEY_VERSION - 1.");
            }
            keys.put(version - 1, decode(settings.previousKey(), "APP_MASTER_KEY_PREVIOUS"));
        }
        return new KeyCipher(keys, version);
    }

    private static int version(String text) {
        if (blank(text)) {
            return 1;
        }
        try {
            int version = Integer.parseInt(text.strip());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new IllegalStateException("APP_MASTER_KEY_VERSION must be a whole number of 1 or more.");
    }

    private static byte[] decode(String text, String name) {
        String compact = text.replaceAll("\\s", "");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(compact);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalStateException(name + " is not valid base64. It must be the base64 encoding of"
                        + " exactly " + KeyCipher.KEY_BYTES + " random bytes.");
            }
        }
        if (bytes.length != KeyCipher.KEY_BYTES) {
            throw new IllegalStateException(name + " must be the base64 encoding of exactly " + KeyCipher.KEY_BYTES
                    + " bytes, but it decodes to " + bytes.length + " bytes.");
        }
        return bytes;
    }

    /** Reuses the generated key file, or creates it owner-only (rw-------) on the first start. */
    private static byte[] fileKey(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
                log.warn("APP_MASTER_KEY is not set: generated a new master key in {} for the embedded database."
                        + " Production must set APP_MASTER_KEY (to keep existing OpenAI keys readable, use this"
                        + " file's content).", file);
            } else {
                restrictToOwner(file);
                log.warn("APP_MASTER_KEY is not set: using the generated master key in {}. Production must set"
                        + " APP_MASTER_KEY (to keep existing OpenAI keys readable, use this file's content).", file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "The master key file " + file);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read or create the master key file " + file + ".", e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[KeyCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        // Written to an owner-only temp file first and then moved into place, so the key is never readable by
        // others and a crash never leaves a half-written key file. The move does not replace an existing file
        // (unlike ATOMIC_MOVE, which is rename(2) on Linux): a key that may already protect data is never lost.
        Path temp = posix(dir)
                ? Files.createTempFile(dir, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            restrictToOwner(temp);
            Files.move(temp, file);
        } catch (FileAlreadyExistsException raced) {
            log.info("Master key file {} appeared while generating one; using it.", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                log.warn("Restricted the permissions of {} to its owner (rw-------).", file);
            }
        } else {
            File f = file.toFile();
            boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!restricted) {
                log.warn("Could not restrict the permissions of {} to its owner.", file);
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
