package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.imgen.testsupport.S3MockServer;

/** Local disk → S3 (S3Mock on loopback): everything copied and verified, re-runs idempotent, the source untouched. */
class ImageMigrationTest {

    private static final UUID WS = UUID.randomUUID();

    @TempDir
    Path dir;

    private final S3MockServer server = S3MockServer.shared();
    private final List<String> output = new ArrayList<>();
    private LocalImageStore local;
    private S3ImageStore s3;
    private StorageKey original;
    private StorageKey thumbnail;
    private StorageKey jpeg;

    @BeforeEach
    void stores() throws IOException {
        local = new LocalImageStore(dir.resolve("images"), StorageReserve.none(), Clock.systemUTC());
        s3 = server.store(server.createBucket());
        original = StorageKey.original(WS, UUID.randomUUID(), ImageFormat.PNG);
        thumbnail = StorageKey.thumbnail(WS, original.imageId());
        jpeg = StorageKey.original(WS, UUID.randomUUID(), ImageFormat.JPEG);
        local.put(original, Fixtures.png(64, 48));
        local.put(thumbnail, Fixtures.jpeg(32, 24));
        local.put(jpeg, Fixtures.jpeg(20, 20));
        Files.write(local.root().resolve(WS.toString()).resolve("notes.txt"), new byte[] {1});
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private ImageMigration.Summary migrate(ImageStore target) {
        return new ImageMigration(local, target, output::add).run();
    }

    @Test
    void copiesEveryImageAndThumbnailAndKeepsTheLocalFiles() throws IOException {
        ImageMigration.Summary summary = migrate(s3);

        assertThat(summary).isEqualTo(new ImageMigration.Summary(3, 3, 0, 0,
                local.size(original) + local.size(thumbnail) + local.size(jpeg)));
        for (StorageKey key : List.of(original, thumbnail, jpeg)) {
            assertThat(read(s3, key)).isEqualTo(read(local, key));
            assertThat(local.exists(key)).as("source kept").isTrue();
        }
        assertThat(output).first().asString().startsWith("Copying 3 files from local disk at ")
                .endsWith("(source files are kept)");
        assertThat(output).contains("[3/3] copied 3, already there 0, failed 0");
        assertThat(output).last().asString().startsWith("Done: 3 files, 3 copied")
                .endsWith("Local files were not deleted.");
    }

    @Test
    void runningAgainSkipsWhatIsThereAndRepairsADifferentCopy() throws IOException {
        migrate(s3);
        s3.put(jpeg, new byte[] {9, 9, 9});

        ImageMigration.Summary again = migrate(s3);

        assertThat(again.copied()).isEqualTo(1);
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(read(s3, jpeg)).isEqualTo(read(local, jpeg));
    }

    @Test
    void failuresAreCountedAndReportedAndTheRunGoesOn() {
        try (S3ImageStore missingBucket = server.store("no-such-bucket")) {
            ImageMigration.Summary summary = migrate(missingBucket);

            assertThat(summary.failed()).isEqualTo(3);
            assertThat(summary.ok()).isFalse();
            assertThat(output).filteredOn(line -> line.startsWith("FAILED ")).hasSize(3);
            assertThat(output).last().asString().startsWith("Finished with failures: 3 files, 0 copied");
        }
    }

    private static byte[] read(ImageStore store, StorageKey key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }
}
