package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.imgen.base.AppProperties;
import studio.imgen.testsupport.S3MockServer;

/** The command's wiring: it reads {@code <data-dir>/images} and exits 0 / 1 / 2 (done / failures / not on S3). */
class ImageMigrationRunnerTest {

    @TempDir
    Path dataDir;

    @Test
    void copiesTheDataDirectorysImagesIntoTheConfiguredBucket() {
        AppProperties properties = new AppProperties(dataDir.toString(), null);
        StorageKey key = StorageKey.original(UUID.randomUUID(), UUID.randomUUID(), ImageFormat.PNG);
        new LocalImageStore(dataDir.resolve("images"), StorageReserve.none(), Clock.systemUTC()).put(key, Fixtures.png(8, 8));
        S3MockServer server = S3MockServer.shared();
        try (S3ImageStore bucket = server.store(server.createBucket());
             S3ImageStore missing = server.store("no-such-bucket")) {
            assertThat(new ImageMigrationRunner(bucket, properties, Clock.systemUTC(), null).migrate()).isZero();
            assertThat(bucket.exists(key)).isTrue();
            assertThat(new ImageMigrationRunner(missing, properties, Clock.systemUTC(), null).migrate()).isEqualTo(1);
        }
    }

    @Test
    void refusesWhenTheAppIsNotConfiguredForS3() {
        AppProperties properties = new AppProperties(dataDir.toString(), null);
        ImageStore local = new LocalImageStore(dataDir.resolve("images"), StorageReserve.none(), Clock.systemUTC());

        assertThat(new ImageMigrationRunner(local, properties, Clock.systemUTC(), null).migrate()).isEqualTo(2);
    }
}
