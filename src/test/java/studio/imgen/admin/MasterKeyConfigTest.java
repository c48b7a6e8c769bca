package studio.imgen.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import studio.imgen.base.AppProperties;

/** Startup checks of the master key (security-reliability.md K2, test matrix 48). */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyConfigTest {

    static final UUID ACME = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final String VALID = base64(32, 5);
    static final String PREVIOUS = base64(32, 9);
    static final String API_KEY = "sk-test-CANARY-0123456789abcdef";

    @TempDir
    Path dataDir;

    @EnableConfigurationProperties(AppProperties.class)
    static class Properties {
    }

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, MasterKeyConfig.class)
                .withPropertyValues("app.data-dir=" + dataDir);
    }

    @Test
    void aValidKeyStartsWithAnExternalDatabaseAndWritesNoFile() {
        runner().withPropertyValues("app.master-key=" + VALID, "app.db.embedded=false").run(ctx -> {
            KeyCipher cipher = ctx.getBean(KeyCipher.class);

            assertThat(cipher.currentVersion()).isEqualTo(1);
            assertThat(cipher.decrypt(ACME, cipher.encrypt(ACME, API_KEY))).isEqualTo(API_KEY);
            assertThat(new KeyCipher(Map.of(1, Base64.getDecoder().decode(VALID)), 1)
                    .decrypt(ACME, cipher.encrypt(ACME, API_KEY))).isEqualTo(API_KEY);
        });
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    @Test
    void theKeyIsReadFromTheEnvironmentVariable() {
        runner().withPropertyValues("app.db.embedded=false")
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("APP_MASTER_KEY", VALID))))
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(KeyCipher.class));
    }

    @Test
    void a31ByteKeyRefusesToStartWithoutEchoingIt() {
        String short31 = base64(31, 3);

        runner().withPropertyValues("app.master-key=" + short31, "app.db.embedded=true").run(ctx -> {
            assertThat(ctx).hasFailed();
            String failure = stackTrace(ctx.getStartupFailure());
            assertThat(failure).contains("APP_MASTER_KEY must be the base64 encoding of exactly 32 bytes,"
                    + " but it decodes to 31 bytes.").doesNotContain(short31);
        });
    }

    @Test
    void nonBase64TextRefusesToStartWithoutEchoingIt() {
        String notBase64 = "my-s3cret-passw0rd!!";

        runner().withPropertyValues("app.master-key=" + notBase64, "app.db.embedded=false").run(ctx -> {
            assertThat(ctx).hasFailed();
            String failure = stackTrace(ctx.getStartupFailure());
            assertThat(failure).contains("APP_MASTER_KEY is not valid base64.")
                    .doesNotContain(notBase64).doesNotContain("s3cret").doesNotContain("Illegal base64 character");
        });
    }

    @Test
    void urlSafeBase64AndLineBreaksAreAccepted() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0xFB); // encodes to '+' and '/' in standard base64, '-' and '_' URL-safe
        String urlSafe = Base64.getUrlEncoder().encodeToString(key);
        EncryptedKey encrypted = new KeyCipher(Map.of(1, key), 1).encrypt(ACME, API_KEY);

        runner().withPropertyValues("app.master-key=" + urlSafe.substring(0, 20) + "\n" + urlSafe.substring(20),
                "app.db.embedded=false")
                .run(ctx -> assertThat(ctx.getBean(KeyCipher.class).decrypt(ACME, encrypted)).isEqualTo(API_KEY));
    }

    @Test
    void noKeyWithAnExternalDatabaseRefusesToStart() {
        runner().withPropertyValues("app.db.embedded=false").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(stackTrace(ctx.getStartupFailure())).contains("APP_MASTER_KEY is not set.");
        });
        runner().run(ctx -> assertThat(ctx).hasFailed()); // app.db.embedded unset counts as external
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    @Test
    void noKeyWithTheEmbeddedDatabaseGeneratesAnOwnerOnlyFileAndReusesIt(CapturedOutput output) throws Exception {
        Path file = dataDir.resolve("data").resolve("master.key");
        ApplicationContextRunner embedded = runner()
                .withPropertyValues("app.db.embedded=true", "app.data-dir=" + dataDir.resolve("data"));
        EncryptedKey[] stored = new EncryptedKey[1];

        embedded.run(ctx -> stored[0] = ctx.getBean(KeyCipher.class).encrypt(ACME, API_KEY));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(output).contains("APP_MASTER_KEY is not set: generated a new master key in " + file)
                .contains("Production must set APP_MASTER_KEY").doesNotContain(Files.readString(file).strip());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }

        embedded.run(ctx -> assertThat(ctx.getBean(KeyCipher.class).decrypt(ACME, stored[0])).isEqualTo(API_KEY));
        assertThat(output).contains("APP_MASTER_KEY is not set: using the generated master key in " + file);
    }

    @Test
    void aReusedKeyFileWithLoosePermissionsIsTightened() throws Exception {
        Path file = dataDir.resolve("master.key");
        Files.writeString(file, VALID + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        runner().withPropertyValues("app.db.embedded=true").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(KeyCipher.class).decrypt(ACME,
                    new KeyCipher(Map.of(1, Base64.getDecoder().decode(VALID)), 1).encrypt(ACME, API_KEY)))
                    .isEqualTo(API_KEY);
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aCorruptKeyFileRefusesToStartWithoutEchoingIt() throws Exception {
        Files.writeString(dataDir.resolve("master.key"), base64(16, 4));

        runner().withPropertyValues("app.db.embedded=true").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(stackTrace(ctx.getStartupFailure()))
                    .contains("The master key file " + dataDir.resolve("master.key")
                            + " must be the base64 encoding of exactly 32 bytes, but it decodes to 16 bytes.")
                    .doesNotContain(base64(16, 4));
        });
    }

    @Test
    void anExplicitKeyWinsOverTheGeneratedFile() throws Exception {
        Files.writeString(dataDir.resolve("master.key"), PREVIOUS);

        runner().withPropertyValues("app.db.embedded=true", "app.master-key=" + VALID).run(ctx -> {
            EncryptedKey encrypted = ctx.getBean(KeyCipher.class).encrypt(ACME, API_KEY);
            assertThat(new KeyCipher(Map.of(1, Base64.getDecoder().decode(VALID)), 1).decrypt(ACME, encrypted))
                    .isEqualTo(API_KEY);
        });
    }

    @Test
    void thePreviousKeyIsTheVersionBeforeTheCurrentOne() {
        EncryptedKey underPrevious = new KeyCipher(Map.of(2, Base64.getDecoder().decode(PREVIOUS)), 2)
                .encrypt(ACME, API_KEY);

        runner().withPropertyValues("app.db.embedded=false", "app.master-key=" + VALID,
                "app.master-key-version=3", "app.master-key-previous=" + PREVIOUS).run(ctx -> {
            KeyCipher cipher = ctx.getBean(KeyCipher.class);
            assertThat(cipher.currentVersion()).isEqualTo(3);
            assertThat(cipher.decrypt(ACME, underPrevious)).isEqualTo(API_KEY);
            assertThat(cipher.rotate(ACME, underPrevious).keyVersion()).isEqualTo(3);
        });
    }

    @Test
    void aPreviousKeyNeedsAVersionOfTwoOrMore() {
        runner().withPropertyValues("app.db.embedded=false", "app.master-key=" + VALID,
                "app.master-key-previous=" + PREVIOUS).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(stackTrace(ctx.getStartupFailure()))
                    .contains("APP_MASTER_KEY_VERSION must be 2 or more").doesNotContain(PREVIOUS);
        });
    }

    @Test
    void aBadPreviousKeyRefusesToStartWithoutEchoingIt() {
        String bad = base64(33, 8);

        runner().withPropertyValues("app.db.embedded=false", "app.master-key=" + VALID, "app.master-key-version=2",
                "app.master-key-previous=" + bad).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(stackTrace(ctx.getStartupFailure()))
                    .contains("APP_MASTER_KEY_PREVIOUS must be the base64 encoding of exactly 32 bytes,"
                            + " but it decodes to 33 bytes.").doesNotContain(bad).doesNotContain(VALID);
        });
    }

    @Test
    void theVersionMustBeAPositiveWholeNumber() {
        for (String version : new String[] {"0", "-1", "two", "1.5"}) {
            runner().withPropertyValues("app.db.embedded=false", "app.master-key=" + VALID,
                    "app.master-key-version=" + version).run(ctx -> {
                assertThat(ctx).hasFailed();
                assertThat(stackTrace(ctx.getStartupFailure()))
                        .contains("APP_MASTER_KEY_VERSION must be a whole number of 1 or more.");
            });
        }
    }

    static String base64(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 37 + i * 11);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
