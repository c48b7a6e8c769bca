package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;
import static imgen.db.Tables.MEMBER_USAGE;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.UserInputException;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;

/**
 * Reference uploads that must never reach OpenAI, refused through the service path a view uses: a clear message
 * naming the file, no call upstream, and nothing left behind (no job, no image row, no file, no cooldown spent).
 */
class UploadRefusalTest extends LoggedInAsMemberTest {

    @Autowired
    ImageStore store;


    @Test
    void aNonImageIsRefusedByItsContent() {
        assertRefused("notes.png", "just some text, not a picture".getBytes(StandardCharsets.UTF_8),
                "“notes.png” is not a PNG, JPEG or WebP image.");
    }

    @Test
    void anSvgIsRefusedEvenWithAnImageName() {
        byte[] svg = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
                + "<script>alert(1)</script><rect width=\"64\" height=\"64\"/></svg>").getBytes(StandardCharsets.UTF_8);
        assertRefused("logo.svg", svg, "“logo.svg” is not a PNG, JPEG or WebP image.");
        assertRefused("logo.png", svg, "“logo.png” is not a PNG, JPEG or WebP image.");
    }

    @Test
    void aSixtyMegabyteFileIsRefusedForItsSize() {
        byte[] huge = new byte[60_000_000];
        byte[] png = TestImages.png(8, 8, 0x336699);
        System.arraycopy(png, 0, huge, 0, png.length);
        assertRefused("huge.png", huge, "“huge.png” is larger than 25 MB. Each reference image must be ≤ 25 MB.");
    }

    @Test
    void aPixelFloodIsRefusedFromItsHeader() {
        assertRefused("bomb.png", pngHeader(30_000, 30_000), "“bomb.png” is 30000 × 30000 pixels.");
    }

    @Test
    void oneBadFileRefusesTheWholeRequestAndKeepsNothingOfTheGoodOne() {
        GenerationRequest request = request(new GenerationRequest.Upload("good.png", TestImages.png(64, 64, 0xff0000)),
                new GenerationRequest.Upload("bad.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> generations.submit(request)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("“bad.svg”");
        assertNothingHappened();
    }

    private void assertRefused(String name, byte[] bytes, String message) {
        assertThatThrownBy(() -> generations.submit(request(new GenerationRequest.Upload(name, bytes))))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(message);
        assertNothingHappened();
    }

    private void assertNothingHappened() {
        assertThat(fake.requests()).as("calls to OpenAI").isEmpty();
        assertThat(db.fetchCount(GENERATION, GENERATION.USER_ID.eq(ana.id()))).as("jobs").isZero();
        assertThat(db.fetchCount(IMAGE, IMAGE.WORKSPACE_ID.eq(ana.workspaceId()))).as("image rows").isZero();
        assertThat(db.fetchCount(MEMBER_USAGE, MEMBER_USAGE.USER_ID.eq(ana.id()).and(MEMBER_USAGE.LAST_COUNTED_AT.isNotNull())))
                .as("cooldown consumed").isZero();
        try (var files = store.list()) {
            assertThat(files.filter(f -> f.key().workspaceId().equals(ana.workspaceId())).count()).as("stored files").isZero();
        }
    }

    private static GenerationRequest request(GenerationRequest.Upload... uploads) {
        return GenerationRequest.of("use this as a reference").withReferences(List.of(uploads));
    }

    /** A valid PNG signature and IHDR (with CRC) claiming the given size, then a tiny IDAT: a decompression bomb's shape. */
    private static byte[] pngHeader(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        return concat(signature, chunk("IHDR", ihdr),
                chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}), chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
