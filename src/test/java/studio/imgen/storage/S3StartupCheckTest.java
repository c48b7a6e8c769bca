package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import studio.imgen.base.AppProperties;
import studio.imgen.testsupport.S3MockServer;

/** The storage module's wiring: {@code app.storage.type} picks the store, and a bad bucket stops the start, saying why. */
class S3StartupCheckTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({StorageProperties.class, AppProperties.class})
    static class Properties {
    }

    private final S3MockServer server = S3MockServer.shared();

    private ApplicationContextRunner app(String bucket) {
        System.setProperty("aws.accessKeyId", S3MockServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3MockServer.SECRET_KEY);
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, StorageConfig.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("app.data-dir=" + System.getProperty("java.io.tmpdir") + "/imgen-s3-wiring",
                        "app.storage.type=s3", "app.storage.s3.bucket=" + bucket,
                        "app.storage.s3.endpoint=" + server.endpoint(), "app.storage.s3.path-style=true");
    }

    @Test
    void anExistingBucketGivesTheS3Store() {
        app(S3MockServer.BUCKET).run(context -> assertThat(context).hasNotFailed()
                .getBean(ImageStore.class).isInstanceOf(S3ImageStore.class));
    }

    @Test
    void aMissingBucketStopsTheStartWithTheCause() {
        app("missing-bucket").run(context -> {
            assertThat(context).hasFailed();
            assertThat(storageException(context.getStartupFailure())).hasMessage("S3 bucket 'missing-bucket' at "
                    + server.endpoint() + " is not usable: the bucket does not exist (create it first)");
        });
    }

    private static Throwable storageException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageException) {
                return t;
            }
        }
        throw new AssertionError("no StorageException among the causes", failure);
    }

    @Test
    void localIsTheDefault() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, StorageConfig.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("app.data-dir=" + System.getProperty("java.io.tmpdir") + "/imgen-s3-wiring")
                .run(context -> assertThat(context.getBean(ImageStore.class)).isInstanceOf(LocalImageStore.class));
    }
}
