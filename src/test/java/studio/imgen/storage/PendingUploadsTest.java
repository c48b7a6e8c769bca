package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.imgen.base.UserInputException;
import studio.imgen.storage.PendingUploads.Batch;
import studio.imgen.storage.PendingUploads.PendingFile;
import studio.imgen.testsupport.MutableClock;

/** Issue 14, defect 7: pending uploads wait on disk, and both caps hold while the bytes arrive. */
class PendingUploadsTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock();

    @Test
    void filesWaitOnDiskAndAreReadOnlyWhenAsked() throws IOException {
        PendingUploads uploads = new PendingUploads(dataDir.resolve("uploads-pending"), clock);
        try (Batch batch = uploads.open(1_000, 3_000)) {
            PendingFile file = batch.receive("fox.png", new ByteArrayInputStream(new byte[700]));

            assertThat(file.size()).isEqualTo(700);
            assertThat(file.path()).startsWith(dataDir.resolve("uploads-pending")).isRegularFile().hasSize(700);
            assertThat(file.read()).hasSize(700);
            assertThat(batch.files()).containsExactly(file);
        }
    }

    @Test
    void aFileOverItsCapStopsBeingReadAtTheCapAndLeavesNothing() throws IOException {
        PendingUploads uploads = new PendingUploads(dataDir, clock);
        try (Batch batch = uploads.open(1_000, 100_000)) {
            CountingStream endless = new CountingStream(50_000_000);

            assertThatThrownBy(() -> batch.receive("huge.png", endless)).isInstanceOf(UserInputException.class)
                    .hasMessageStartingWith("“huge.png” is larger than");
            assertThat(endless.read.get()).as("bytes read before refusing").isLessThanOrEqualTo(1_001 + 64 * 1024);
            assertThat(batch.files()).isEmpty();
            try (var left = Files.walk(dataDir)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void theTotalIsEnforcedWhileReceivingAndRemovingAFileMakesRoom() throws IOException {
        PendingUploads uploads = new PendingUploads(dataDir, clock);
        try (Batch batch = uploads.open(25_000_000, 60_000_000)) {
            PendingFile first = batch.receive("a.png", new CountingStream(25_000_000));
            batch.receive("b.png", new CountingStream(25_000_000));
            CountingStream third = new CountingStream(25_000_000);

            assertThatThrownBy(() -> batch.receive("c.png", third)).isInstanceOf(UserInputException.class)
                    .hasMessage("“c.png” would take the images of this request over 60 MB together. Remove an image or"
                            + " use smaller ones.");
            assertThat(third.read.get()).as("stopped at what was left of the total").isLessThan(10_100_000);
            assertThat(batch.files()).hasSize(2);

            batch.remove(first);
            assertThat(first.path()).doesNotExist();
            assertThat(batch.receive("c.png", new CountingStream(25_000_000)).size()).isEqualTo(25_000_000);
        }
    }

    @Test
    void closingDeletesTheBatchAndTheSweepRemovesWhatWasLeftBehind() throws IOException {
        PendingUploads uploads = new PendingUploads(dataDir, clock);
        Batch closed = uploads.open(1_000, 3_000);
        PendingFile file = closed.receive("fox.png", new ByteArrayInputStream(new byte[10]));
        closed.close();
        assertThat(file.path()).doesNotExist();
        assertThat(file.path().getParent()).doesNotExist();

        Batch abandoned = uploads.open(1_000, 3_000);
        Path abandonedDir = abandoned.receive("left.png", new ByteArrayInputStream(new byte[10])).path().getParent();
        Batch fresh = uploads.open(1_000, 3_000);
        Path freshDir = fresh.receive("new.png", new ByteArrayInputStream(new byte[10])).path().getParent();
        // The clock of the tests runs years ahead: file times are set relative to it.
        Files.setLastModifiedTime(abandonedDir, FileTime.from(clock.instant().minus(Duration.ofHours(3))));
        Files.setLastModifiedTime(freshDir, FileTime.from(clock.instant().minus(Duration.ofMinutes(5))));

        assertThat(uploads.sweep(Duration.ofHours(1))).isEqualTo(1);
        assertThat(abandonedDir).doesNotExist();
        assertThat(freshDir).exists();
        fresh.close();
    }

    /** A stream of zeros of a given length that counts what was read. */
    private static final class CountingStream extends InputStream {
        private final long length;
        final AtomicLong read = new AtomicLong();

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read.get() >= length) {
                return -1;
            }
            read.incrementAndGet();
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            long left = length - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(count, left);
            read.addAndGet(n);
            return n;
        }
    }
}
