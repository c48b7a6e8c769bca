package studio.imgen.bench.gallery;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.gallery.GalleryCursor;
import studio.imgen.gallery.GalleryFilter;
import studio.imgen.gallery.GalleryPage;
import studio.imgen.gallery.GalleryService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.Thumbnails;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Gallery at 10,000 images: query times through {@link GalleryService} (as a member, so including the membership
 * check) for the first and a deep page, count and each filter; the plans PostgreSQL picks; and what the server sends
 * for the first render of 50 cards and for "Load more". Not part of the build (the name does not match the test
 * patterns); run it on its own:
 *
 * <pre>./mvnw -o -B test -Djooq.codegen.skip=true -Dtest=GalleryBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The table is printed and written to {@code target/bench/gallery.md}.
 */
@Tag("benchmark")
class GalleryBenchmark extends BrowserTest {

    static final int IMAGES = 10_000;
    static final int NOISE = 20_000;
    static final int WARMUP = 5;
    static final int RUNS = 25;
    private static final String[] SUBJECTS = {"fox", "lighthouse", "teapot", "robot", "otter", "koi", "library",
            "mountain", "balloon", "snail", "owl", "tram", "cactus", "violin", "glacier", "lantern", "whale", "bakery",
            "comet", "orchard"};
    private static final String[] STYLES = {"watercolour", "isometric", "oil painting", "paper-cut", "macro photo",
            "neon", "pixel art", "charcoal sketch", "claymation", "ukiyo-e", "low poly", "cinematic", "gouache",
            "blueprint", "stained glass", "risograph", "tilt-shift"};

    @Autowired
    DSLContext db;
    @Autowired
    GalleryService gallery;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    ImageStore store;
    @Autowired
    Thumbnails thumbnails;

    private static final String ALL_THUMBNAILS_LOADED =
            "() => [...document.querySelectorAll('.gallery-card img')].every(i => i.complete)";

    private final List<String> rows = new ArrayList<>();

    @AfterEach
    void nobody() {
        LoggedIn.nobody();
    }

    @Test
    void galleryAtTenThousandImages() throws Exception {
        UUID workspace = users.workspaceWithKey("Bench");
        TestUser ana = users.member(workspace, "Ana");
        TestUser ben = users.member(workspace, "Ben");
        UUID noise = users.workspace("Noise");
        TestUser other = users.member(noise, "Other");
        long seedStart = System.nanoTime();
        seed(workspace, ana.id(), ben.id(), IMAGES);
        seed(noise, other.id(), other.id(), NOISE);
        // What autovacuum does to a table that has settled: statistics and the visibility map (index-only scans).
        db.execute("vacuum analyze generation");
        db.execute("vacuum analyze image");
        int withFiles = writeThumbnails(workspace, 120);
        row("Seeding", IMAGES + " images + " + NOISE + " in another workspace, " + withFiles + " thumbnails on disk",
                ms(System.nanoTime() - seedStart) + " ms");

        LoggedIn.as(ana, memberships);
        assertThat(gallery.count(GalleryFilter.ALL)).isEqualTo(IMAGES);
        GalleryCursor deep = cursorAt(workspace, IMAGES - 50);
        Instant newest = db.select(DSL.max(imgen.db.Tables.IMAGE.CREATED_AT)).from(imgen.db.Tables.IMAGE)
                .where(imgen.db.Tables.IMAGE.WORKSPACE_ID.eq(workspace)).fetchOne().value1().toInstant();

        time("First page (50)", () -> gallery.page(GalleryFilter.ALL, null, 50), 50);
        time("Deep page (50 after #9,950, keyset)", () -> gallery.page(GalleryFilter.ALL, deep, 50), 50);
        time("Skip to #9,950 (cursorAt, indexed)", () -> gallery.cursorAt(GalleryFilter.ALL, IMAGES - 50).orElseThrow());
        time("Count (no filter)", () -> gallery.count(GalleryFilter.ALL));
        time("First page, search \"fox\"", () -> gallery.page(new GalleryFilter("fox", null, null, null, null), null, 50), 50);
        time("First page, search \"fox watercolour\"",
                () -> gallery.page(new GalleryFilter("fox watercolour", null, null, null, null), null, 50), -1);
        time("First page, search \"zzz\" (no match)", () -> gallery.page(new GalleryFilter("zzz", null, null, null, null), null, 50), 0);
        time("Count, search \"fox\"", () -> gallery.count(new GalleryFilter("fox", null, null, null, null)));
        time("First page, model gpt-image-1", () -> gallery.page(new GalleryFilter(null, "gpt-image-1", null, null, null), null, 50), 50);
        time("Count, model gpt-image-1", () -> gallery.count(new GalleryFilter(null, "gpt-image-1", null, null, null)));
        time("First page, only mine", () -> gallery.page(new GalleryFilter(null, null, ana.id(), null, null), null, 50), 50);
        time("Count, only mine", () -> gallery.count(new GalleryFilter(null, null, ana.id(), null, null)));
        time("First page, last 30 days",
                () -> gallery.page(new GalleryFilter(null, null, null, newest.minusSeconds(30 * 86_400L), null), null, 50), 50);

        explain("Plan: first page", pageSql(workspace, null, ""), "image_workspace_created_idx");
        explain("Plan: deep page (keyset)", pageSql(workspace, deep, ""), "image_workspace_created_idx");
        explain("Plan: only mine", pageSql(workspace, null, "and i.owner_id = '" + ana.id() + "'"), "image_owner_created_idx");
        explain("Plan: search \"fox\"", pageSql(workspace, null,
                "and to_tsvector('simple', g.prompt) @@ to_tsquery('simple', 'fox:*')"), null);
        explain("Plan: cursorAt 9,950 (the skip a far jump makes)", """
                select i.created_at, i.id from image i
                where i.workspace_id = '%s' and i.role = 'result' and i.deleted_at is null
                order by i.created_at desc, i.id desc offset 9949 limit 1""".formatted(workspace), null);
        explain("Plan: page with OFFSET 9950 and joins (for comparison; not used)",
                pageSql(workspace, null, "").replace("limit 51", "limit 51 offset 9950"), null);
        LoggedIn.nobody();

        pageBytes(ana, workspace);
        report();
    }

    /** One generation with one result image per row, times 50 minutes apart, prompts of ~25 words from a vocabulary. */
    private void seed(UUID workspace, UUID first, UUID second, int count) {
        db.execute("""
                with made as (
                  insert into generation (workspace_id, user_id, submission_id, kind, status, prompt, model, size, quality,
                                          n, background, output_format, moderation, text_input_tokens, image_output_tokens,
                                          cost_micros, created_at, finished_at)
                  select {0}, case when i % 3 = 0 then {2} else {1} end, gen_random_uuid(), 'generate', 'succeeded',
                         'A ' || (array[{4}])[1 + i % 17] || ' picture of a ' || (array[{3}])[1 + (i / 17) % 20]
                           || ' in the early morning light, soft shadows, rich textures, wide angle, detailed background,'
                           || ' gentle colour palette, high detail, number ' || i,
                         (array['gpt-image-2','gpt-image-1.5','gpt-image-1-mini','gpt-image-1'])[1 + i % 4],
                         '1024x1024', 'high', 1, 'auto', 'png', 'auto', 40, 4160, 133180,
                         now() - make_interval(secs => i * 3000), now() - make_interval(secs => i * 3000)
                  from generate_series(1, {5}) as s(i)
                  returning id, workspace_id, user_id, created_at)
                insert into image (workspace_id, owner_id, generation_id, role, position, format, width, height, bytes,
                                   sha256, has_thumbnail, created_at)
                select workspace_id, user_id, id, 'result', 0, 'png', 1024, 1024, 1800000,
                       md5(id::text) || md5(created_at::text), true, created_at
                from made
                """, DSL.val(workspace), DSL.val(first), DSL.val(second), quoted(SUBJECTS), quoted(STYLES), DSL.inline(count));
    }

    private static org.jooq.QueryPart quoted(String[] words) {
        return DSL.list(Arrays.stream(words).map(DSL::inline).toList());
    }

    /** Real thumbnails (made by the app's own thumbnailer from a 1024 px picture) for the newest images. */
    private int writeThumbnails(UUID workspace, int count) {
        List<Record2<UUID, String>> newest = db.select(imgen.db.Tables.IMAGE.ID, imgen.db.Tables.IMAGE.FORMAT)
                .from(imgen.db.Tables.IMAGE).where(imgen.db.Tables.IMAGE.WORKSPACE_ID.eq(workspace))
                .orderBy(imgen.db.Tables.IMAGE.CREATED_AT.desc()).limit(count).fetch();
        Random random = new Random(7);
        for (Record2<UUID, String> image : newest) {
            byte[] picture = picture(random);
            store.put(StorageKey.original(workspace, image.value1(), ImageFormat.PNG), picture);
            store.put(StorageKey.thumbnail(workspace, image.value1()), thumbnails.thumbnail(picture));
        }
        return newest.size();
    }

    private static byte[] picture(Random random) {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        float hue = random.nextFloat();
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.95f), 1024, 1024,
                Color.getHSBColor((hue + 0.2f) % 1f, 0.8f, 0.4f)));
        g.fillRect(0, 0, 1024, 1024);
        for (int i = 0; i < 60; i++) {
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.9f));
            int size = 20 + random.nextInt(200);
            g.fillOval(random.nextInt(1024), random.nextInt(1024), size, size);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GalleryCursor cursorAt(UUID workspace, int offset) {
        var row = db.fetchOne("""
                select created_at, id from image where workspace_id = ? and role = 'result' and deleted_at is null
                order by created_at desc, id desc offset ? limit 1""", workspace, offset - 1);
        return new GalleryCursor(row.get(0, java.time.OffsetDateTime.class).toInstant(), row.get(1, UUID.class));
    }

    private void time(String name, Supplier<Object> call) {
        time(name, call, -2);
    }

    /** Median and p95 over {@link #RUNS} calls after {@link #WARMUP}; checks the page size when {@code expected >= 0}. */
    private void time(String name, Supplier<Object> call, int expected) {
        Object result = null;
        for (int i = 0; i < WARMUP; i++) {
            result = call.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String size = result instanceof GalleryPage page ? page.items().size() + " rows" : "= " + result;
        if (expected >= 0 && result instanceof GalleryPage page) {
            assertThat(page.items()).as(name).hasSize(expected);
        }
        row(name, size, String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms", nanos[RUNS / 2] / 1e6,
                nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6));
    }

    /** The statement GalleryQuery.page sends (same joins, predicates and order), for EXPLAIN ANALYZE. */
    private static String pageSql(UUID workspace, GalleryCursor after, String extra) {
        String keyset = after == null ? "" : "and (i.created_at, i.id) < ('" + after.createdAt() + "'::timestamptz, '" + after.imageId() + "'::uuid)";
        return """
                select i.id, i.generation_id, substring(g.prompt from 1 for 200), g.model, i.owner_id, u.display_name,
                       i.created_at, i.width, i.height
                from image i join generation g on g.id = i.generation_id and g.workspace_id = '%1$s'
                     join app_user u on u.id = i.owner_id
                where i.workspace_id = '%1$s' and i.role = 'result' and i.deleted_at is null %2$s %3$s
                order by i.created_at desc, i.id desc limit 51""".formatted(workspace, keyset, extra);
    }

    private void explain(String name, String sql, String expectedIndex) {
        List<String> plan = db.fetch("explain (analyze, buffers) " + sql).getValues(0, String.class);
        String text = String.join("\n", plan);
        if (expectedIndex != null) {
            assertThat(text).as(name + "\n" + text).contains(expectedIndex);
        }
        String first = plan.stream().filter(l -> l.contains("Scan")).findFirst().orElse(plan.get(0)).strip();
        String execution = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("").strip();
        row(name, first.length() > 90 ? first.substring(0, 90) + "…" : first, execution);
    }

    /** What the browser receives for the first render of the gallery, for the next screen and for a far jump. */
    private void pageBytes(TestUser member, UUID workspace) {
        List<UUID> order = db.fetch("""
                select id from image where workspace_id = ? and role = 'result' and deleted_at is null
                order by created_at desc, id desc""", workspace).getValues(0, UUID.class);
        List<Response> responses = new CopyOnWriteArrayList<>();
        // With push on a WebSocket, server answers may arrive as frames instead of HTTP responses: count both.
        List<String> frames = new CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> frames.add(frame.text())));
        BrowserLogin.logIn(page, url("login"), member.username(), TestUsers.PASSWORD);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        frames.clear();
        page.onResponse(responses::add);

        page.navigate(url("gallery"));
        assertThat(page.locator("[data-image='" + order.get(0) + "']")).isVisible();
        page.waitForFunction(ALL_THUMBNAILS_LOADED);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Bytes first = Bytes.of(responses, frames);
        save("first", responses, frames);
        int columns = ((Number) page.locator("vaadin-virtual-list")
                .evaluate("l => Number(getComputedStyle(l).getPropertyValue('--gallery-columns').trim())")).intValue();
        int inDom = page.locator(".gallery-card[data-image]").count();
        responses.clear();
        frames.clear();

        page.locator("vaadin-virtual-list").evaluate("(l, row) => l.scrollToIndex(row)", 100 / columns);
        assertThat(page.locator("[data-image='" + order.get(100 / columns * columns) + "']")).isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForFunction(ALL_THUMBNAILS_LOADED);
        Bytes next = Bytes.of(responses, frames);
        save("scroll", responses, frames);
        responses.clear();
        frames.clear();

        int deepRow = (IMAGES - 50) / columns;
        page.locator("vaadin-virtual-list").evaluate("(l, row) => l.scrollToIndex(row)", deepRow);
        assertThat(page.locator("[data-image='" + order.get(deepRow * columns) + "']")).isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Bytes deep = Bytes.of(responses, frames);
        save("jump", responses, frames);

        assertThat(first.originals + next.originals + deep.originals).as("originals loaded by the grid").isZero();
        row("Grid columns at 1280 px / cards in the DOM", columns + " columns", inDom + " cards rendered of " + IMAGES);
        row("First render: HTML document", first.documentCount + " response", kb(first.document));
        row("First render: Vaadin JSON (init + UIDL, whole page)", first.jsonCount + " responses, " + first.cards
                + " cards sent", kb(first.json));
        row("First render: thumbnails fetched (lazy)", first.thumbCount + " thumbnails", kb(first.thumbs));
        row("First render: static JS/CSS/fonts (dev bundle, cacheable)", first.staticCount + " responses", kb(first.statics));
        row("Scroll to image #100: Vaadin JSON", next.jsonCount + " message(s), " + next.perCard(), kb(next.json));
        row("Scroll to image #100: thumbnails", next.thumbCount + "", kb(next.thumbs));
        row("Jump to image #9,950: Vaadin JSON", deep.jsonCount + " message(s), " + deep.perCard(), kb(deep.json));
        long perCard = (next.json + deep.json) / Math.max(1, next.cards + deep.cards);
        row("=> Vaadin JSON for a page of 50 cards", "from the two steps above", kb(50 * perCard));
        row("Originals fetched by the grid", "", String.valueOf(first.originals + next.originals + deep.originals));
    }

    /** The Vaadin messages of one step, for a look at what they carry. */
    private static void save(String step, List<Response> responses, List<String> frames) {
        StringBuilder all = new StringBuilder();
        for (Response response : responses) {
            String url = response.url();
            if (url.contains("v-r=init") || url.contains("v-r=uidl")) {
                all.append("=== ").append(url).append('\n').append(response.text()).append('\n');
            }
        }
        frames.forEach(frame -> all.append("=== frame\n").append(frame).append('\n'));
        try {
            Files.writeString(Paths.get("target", "bench", "messages-" + step + ".txt"), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Bytes(long document, int documentCount, long json, int jsonCount, long thumbs, int thumbCount,
                         long statics, int staticCount, int originals, int cards) {

        private static final Pattern CARD = Pattern.compile("\"thumb\":\"img/");

        String perCard() {
            return cards == 0 ? "–" : String.format(Locale.ROOT, "%d cards sent, %,d bytes per card", cards, json / cards);
        }


        private static final Pattern ORIGINAL = Pattern.compile(".*/img/[0-9a-f-]{36}(/download)?$");

        static Bytes of(List<Response> responses, List<String> frames) {
            long document = 0, json = 0, thumbs = 0, statics = 0;
            int documents = 0, jsons = 0, thumbCount = 0, staticCount = 0, originals = 0, cards = 0;
            for (Response response : responses) {
                String url = response.url();
                long size = size(response);
                if (ORIGINAL.matcher(url).matches()) {
                    originals++;
                } else if (url.contains("/thumb")) {
                    thumbs += size;
                    thumbCount++;
                } else if (url.contains("v-r=init") || url.contains("v-r=uidl")) {
                    json += size;
                    jsons++;
                    cards += count(response.text());
                } else if ("document".equals(response.request().resourceType())) {
                    document += size;
                    documents++;
                } else {
                    statics += size;
                    staticCount++;
                }
            }
            for (String frame : frames) {
                json += frame.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                jsons++;
                cards += count(frame);
            }
            return new Bytes(document, documents, json, jsons, thumbs, thumbCount, statics, staticCount, originals, cards);
        }

        private static int count(String text) {
            return (int) CARD.matcher(text.replace(" ", "")).results().count();
        }

        private static long size(Response response) {
            try {
                return response.body().length;
            } catch (RuntimeException e) {
                return 0;
            }
        }
    }

    private void row(String what, String detail, String figure) {
        rows.add("| " + what + " | " + detail + " | " + figure + " |");
    }

    private void report() throws IOException {
        List<String> table = new ArrayList<>(List.of("| Measurement | Detail | Figure |", "|---|---|---|"));
        table.addAll(rows);
        String text = String.join("\n", table) + "\n";
        Path file = Paths.get("target", "bench", "gallery.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        System.out.println("\n" + text);
    }

    private static String ms(long nanos) {
        return String.valueOf(nanos / 1_000_000);
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes (%.1f KB)", bytes, bytes / 1024.0);
    }
}
