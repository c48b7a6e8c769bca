package studio.imgen.gallery;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.TestImages;

/**
 * Finished generations with result images written straight into the database (and optionally the store), at chosen
 * times: the gallery's queries need many images with controlled timestamps, which the real pipeline cannot give.
 */
public final class GalleryFixtures {

    private final DSLContext db;
    private final ImageStore store;
    private int hues;

    public GalleryFixtures(DSLContext db, ImageStore store) {
        this.db = db;
        this.store = store;
    }

    /** A succeeded generation with {@code images} result images created at {@code at}; returns the image ids. */
    public Seeded generation(UUID workspaceId, UUID userId, String prompt, String model, Instant at, int images,
                             boolean withFiles) {
        UUID generationId = db.insertInto(GENERATION)
                .set(GENERATION.WORKSPACE_ID, workspaceId)
                .set(GENERATION.USER_ID, userId)
                .set(GENERATION.SUBMISSION_ID, UUID.randomUUID())
                .set(GENERATION.KIND, "generate")
                .set(GENERATION.STATUS, "succeeded")
                .set(GENERATION.PROMPT, prompt)
                .set(GENERATION.MODEL, model)
                .set(GENERATION.SIZE, "1024x1024")
                .set(GENERATION.QUALITY, "high")
                .set(GENERATION.N, images)
                .set(GENERATION.BACKGROUND, "auto")
                .set(GENERATION.OUTPUT_FORMAT, "png")
                .set(GENERATION.MODERATION, "auto")
                .set(GENERATION.TEXT_INPUT_TOKENS, 12L)
                .set(GENERATION.IMAGE_OUTPUT_TOKENS, 4160L)
                .set(GENERATION.COST_MICROS, 133_180L)
                .set(GENERATION.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(GENERATION.FINISHED_AT, at.atOffset(ZoneOffset.UTC))
                .returning(GENERATION.ID).fetchOne(GENERATION.ID);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            UUID imageId = UUID.randomUUID();
            byte[] png = TestImages.png(32, 32, 0x3366cc + i * 0x101010);
            if (withFiles) {
                float hue = (hues++ * 0.618034f) % 1f;
                png = gradient(hue, "png", 256);
                store.put(StorageKey.original(workspaceId, imageId, ImageFormat.PNG), png);
                store.put(StorageKey.thumbnail(workspaceId, imageId), gradient(hue, "jpeg", 128));
            }
            db.insertInto(IMAGE)
                    .set(IMAGE.ID, imageId)
                    .set(IMAGE.WORKSPACE_ID, workspaceId)
                    .set(IMAGE.OWNER_ID, userId)
                    .set(IMAGE.GENERATION_ID, generationId)
                    .set(IMAGE.ROLE, "result")
                    .set(IMAGE.POSITION, i)
                    .set(IMAGE.FORMAT, "png")
                    .set(IMAGE.WIDTH, 1024)
                    .set(IMAGE.HEIGHT, 1024)
                    .set(IMAGE.BYTES, (long) png.length)
                    .set(IMAGE.SHA256, "%064x".formatted(i + 1))
                    .set(IMAGE.HAS_THUMBNAIL, withFiles)
                    .set(IMAGE.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                    .execute();
            ids.add(imageId);
        }
        return new Seeded(generationId, ids);
    }

    /** An uploaded reference image row of a generation (never shown in the gallery). */
    public UUID reference(UUID workspaceId, UUID userId, UUID generationId, Instant at) {
        UUID imageId = UUID.randomUUID();
        db.insertInto(IMAGE)
                .set(IMAGE.ID, imageId).set(IMAGE.WORKSPACE_ID, workspaceId).set(IMAGE.OWNER_ID, userId)
                .set(IMAGE.GENERATION_ID, generationId).set(IMAGE.ROLE, "reference").set(IMAGE.FORMAT, "png")
                .set(IMAGE.WIDTH, 64).set(IMAGE.HEIGHT, 64).set(IMAGE.BYTES, 100L).set(IMAGE.SHA256, "0".repeat(64))
                .set(IMAGE.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
        return imageId;
    }

    /** A diagonal two-colour gradient, so screenshots show distinct pictures rather than flat squares. */
    private static byte[] gradient(float hue, String format, int side) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.getHSBColor(hue, 0.55f, 0.95f), side, side,
                java.awt.Color.getHSBColor((hue + 0.15f) % 1f, 0.8f, 0.45f)));
        g.fillRect(0, 0, side, side);
        g.setColor(new java.awt.Color(255, 255, 255, 90));
        g.fillOval(side / 4, side / 5, side / 2, side / 2);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, format, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public record Seeded(UUID generationId, List<UUID> imageIds) {
        public UUID first() {
            return imageIds.get(0);
        }
    }
}
