package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import studio.imgen.base.UserInputException;
import studio.imgen.storage.HostileUploads.Upload;

/**
 * Every file of the hostile corpus through the public validator, for references and masks: a refusal the user can
 * act on, or a clean re-encode (no script, no metadata) in the stated format; never anything else. And memory stays
 * flat when decompression bombs arrive again and again.
 */
class HostileUploadCorpusTest {

    private final UploadValidator validator = new UploadValidator();

    static Stream<Upload> corpus() {
        return HostileUploads.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithAMessageOrCleanlyReencoded(Upload upload) throws Exception {
        Throwable thrown = catchThrowable(() -> check(validator.validateReference(upload.fileName(),
                Fixtures.stream(upload.bytes()), UploadLimits.defaults()), upload));

        if (upload.refusal().isPresent()) {
            assertThat(thrown).isExactlyInstanceOf(UserInputException.class)
                    .hasMessageStartingWith(upload.expectedMessageStart());
        } else {
            assertThat(thrown).as("accepted and re-encoded").isNull();
        }
        assertThat(ImageCodec.availableDecodePermits()).as("decode permits returned").isEqualTo(ImageCodec.decodePermits());
    }

    /** Masks take the same path with stricter rules: nothing in the corpus may escape as anything but a refusal. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void asAMaskOnlyEverGivesAUserError(Upload upload) {
        Throwable thrown = catchThrowable(() -> validator.validateMask(upload.fileName(), Fixtures.stream(upload.bytes()), 64, 64));

        assertThat(thrown).isExactlyInstanceOf(UserInputException.class);
        assertThat(thrown.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * Twenty 50,000 × 50,000 bombs in a row (10 GB each if decoded): each is refused from its header, so the thread
     * allocates little and the heap after GC does not grow.
     */
    @Test
    void heapStaysFlatWhenBombsKeepComing() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] bomb = HostileUploads.bomb();
        refuse(bomb); // class loading and first-use caches are not growth
        long before = usedAfterGc(memory);
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        for (int i = 0; i < 20; i++) {
            refuse(bomb);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long growth = usedAfterGc(memory) - before;

        assertThat(allocated).as("bytes allocated for 20 bombs").isLessThan(20L * 5 * 1024 * 1024);
        assertThat(growth).as("heap growth after GC (bytes)").isLessThan(16L * 1024 * 1024);
    }

    private void refuse(byte[] bomb) {
        assertThat(catchThrowable(() -> validator.validateReference("bomb.png", Fixtures.stream(bomb), UploadLimits.defaults())))
                .isExactlyInstanceOf(UserInputException.class).hasMessageContaining("50000 × 50000");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** What "cleanly re-encoded" means: the stated format, decodable, no script, no text or EXIF left. */
    static void check(ValidatedImage image, Upload upload) throws Exception {
        ImageFormat expected = upload.reencodedAs().orElseThrow(() -> new AssertionError("accepted, expected a refusal"));
        assertThat(image.format()).isEqualTo(expected);
        assertThat(ImageFormat.detect(image.bytes())).contains(expected);
        assertThat(Fixtures.decode(image.bytes())).isNotNull();
        assertThat(Fixtures.contains(image.bytes(), "<script")).isFalse();
        assertThat(Fixtures.contains(image.bytes(), "<html")).isFalse();
        if (expected == ImageFormat.PNG) {
            assertThat(Fixtures.pngChunkTypes(image.bytes())).containsOnly("IHDR", "IDAT", "IEND");
        } else {
            assertThat(Fixtures.jpegMarkers(image.bytes())).doesNotContain(0xE1);
        }
        assertThat(image.bytes().length).as("metadata dropped").isLessThan(100_000);
    }
}
