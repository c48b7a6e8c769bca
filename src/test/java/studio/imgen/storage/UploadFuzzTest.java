package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import studio.imgen.base.UserInputException;

/**
 * A bounded, seeded stand-in for the Jazzer target: random and mutated inputs may be accepted or refused, but the
 * only exception allowed out of the validator is {@link UserInputException}, and no decode permit may leak.
 */
class UploadFuzzTest {

    private static final long SEED = 20250601L;

    private final UploadValidator validator = new UploadValidator();

    @Test
    void randomAndMutatedInputsOnlyEverGiveUserErrors() {
        Random random = new Random(SEED);
        List<byte[]> seeds = List.of(Fixtures.png(24, 16), Fixtures.rgbaPng(16, 24), Fixtures.jpeg(32, 32),
                Fixtures.WEBP_LOSSLESS, Fixtures.WEBP_LOSSY, Fixtures.WEBP_EXTENDED,
                Fixtures.withSegmentAfterSoi(Fixtures.jpeg(16, 16), 0xE1, Fixtures.exifPayload(6, "x")));
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] noise = new byte[random.nextInt(2_000)];
            random.nextBytes(noise);
            inputs.add(noise);
        }
        for (int i = 0; i < 140; i++) {
            inputs.add(mutate(seeds.get(i % seeds.size()), random));
        }

        int accepted = 0;
        for (int i = 0; i < inputs.size(); i++) {
            byte[] input = inputs.get(i);
            try {
                validator.validateReference("fuzz.png", Fixtures.stream(input), UploadLimits.defaults());
                validator.validateMask("fuzz.png", Fixtures.stream(input), 24, 16);
                accepted++;
            } catch (UserInputException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error unexpected) {
                fail("input #" + i + " (seed " + SEED + ") escaped as " + unexpected, unexpected);
            }
        }

        assertThat(ImageCodec.availableDecodePermits()).isEqualTo(ImageCodec.decodePermits());
        assertThat(accepted).isLessThan(inputs.size());
    }

    /** Flips, overwrites, truncates or splices bytes, mostly in the header where parsers are most exposed. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(random.nextBoolean() ? Math.min(64, bytes.length) : bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, Math.max(1, at));
                default -> bytes[at] = (byte) (random.nextBoolean() ? 0xFF : 0x00);
            }
        }
        return bytes;
    }
}
