package studio.imgen.gallery.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.IMAGE;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v23.VirtualListsKt;
import studio.imgen.gallery.GalleryItem;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.catalog.Money;
import studio.imgen.gallery.GalleryFixtures;
import studio.imgen.generate.ui.GenerateView;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class GalleryViewTest extends KaribuTest {

    /** In an earlier year than any test run, so cards show the date with its year. */
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final String XSS = "<img src=x onerror=alert(1)> \"><script>alert(2)</script> javascript:alert(3)";

    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;

    GalleryFixtures fixtures;
    UUID acme;
    TestUser ana;
    TestUser ben;

    @BeforeEach
    void setUp() {
        fixtures = new GalleryFixtures(db, store);
        acme = users.workspace("Acme");
        ana = users.member(acme, "Ana");
        ben = users.member(acme, "Ben");
    }

    @Test
    void emptyWorkspaceInvitesToGenerate() {
        login(ana);
        navigate("gallery");

        _get(H2.class, spec -> spec.withText("No images yet — generate one"));
        RouterLink link = _get(RouterLink.class, spec -> spec.withText("Generate one"));
        assertThat(link.getHref()).isEmpty();
        _assertNone(com.vaadin.flow.component.virtuallist.VirtualList.class);
        assertThat(view().grid().isVisible()).isFalse();
    }

    @Test
    void rowsOfCardsComeNewestFirstAsTheListAsksForThem() {
        for (int i = 0; i < 53; i++) {
            fixtures.generation(acme, i % 2 == 0 ? ana.id() : ben.id(), "picture number " + i, "gpt-image-2",
                    T0.plusSeconds(i), 1, false);
        }
        login(ana);
        navigate("gallery");

        GalleryGrid grid = view().grid();
        int columns = grid.columns();
        assertThat(summary()).isEqualTo("53 images");
        assertThat(VirtualListsKt._size(grid.list())).isEqualTo((53 + columns - 1) / columns);
        GalleryRow first = VirtualListsKt._get(grid.list(), 0);
        assertThat(first.cards()).hasSize(columns);
        assertThat(first.cards().get(0).promptExcerpt()).isEqualTo("picture number 52");
        assertThat(cards()).hasSize(53);
        assertThat(cards().get(52).promptExcerpt()).isEqualTo("picture number 0");

        ArrayNode json = grid.cardsOf(first);
        JsonNode card = json.get(0);
        UUID id = first.cards().get(0).imageId();
        assertThat(card.get("id").stringValue()).isEqualTo(id.toString());
        assertThat(card.get("thumb").stringValue()).isEqualTo("img/" + id + "/thumb");
        assertThat(card.get("prompt").stringValue()).isEqualTo("picture number 52");
        assertThat(card.get("meta").stringValue()).isEqualTo("Ana · 1 Mar 2025");
        assertThat(card.propertyNames()).containsExactlyInAnyOrder("id", "thumb", "prompt", "meta");
        assertThat(grid.cardsOf(GalleryRow.PLACEHOLDER).size()).as("skeleton cards while loading").isEqualTo(columns);
    }

    @Test
    void columnsFollowTheWindowWidth() {
        assertThat(GalleryGrid.columnsFor(1280)).isEqualTo(5);
        assertThat(GalleryGrid.columnsFor(1440)).isEqualTo(6);
        assertThat(GalleryGrid.columnsFor(820)).isEqualTo(3);
        assertThat(GalleryGrid.columnsFor(768)).as("drawer overlays").isEqualTo(4);
        assertThat(GalleryGrid.columnsFor(390)).isEqualTo(2);
        assertThat(GalleryGrid.columnsFor(3000)).isEqualTo(8);
    }

    @Test
    void theBrowserCanOnlyOpenACardOfTheRowItNames() {
        var seeded = fixtures.generation(acme, ana.id(), "mine", "gpt-image-2", T0, 1, false);
        login(ana);
        navigate("gallery");
        GalleryRow row = VirtualListsKt._get(view().grid().list(), 0);

        view().grid().openCard(row, UUID.randomUUID().toString());
        view().grid().openCard(row, "not an id");
        _assertNone(ImageDetailDialog.class);

        view().grid().openCard(row, seeded.first().toString());
        assertThat(_get(ImageDetailDialog.class).isOpened()).isTrue();
    }

    @Test
    void searchModelAndOnlyMineNarrowTheGrid() {
        fixtures.generation(acme, ana.id(), "a red fox in snow", "gpt-image-2", T0, 1, false);
        fixtures.generation(acme, ben.id(), "a fox and a hound", "gpt-image-1.5", T0.plusSeconds(1), 1, false);
        fixtures.generation(acme, ben.id(), "lighthouse at dusk", "gpt-image-2", T0.plusSeconds(2), 1, false);
        login(ana);
        navigate("gallery");
        assertThat(prompts()).containsExactly("lighthouse at dusk", "a fox and a hound", "a red fox in snow");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search prompts")), "FOX");
        assertThat(prompts()).containsExactly("a fox and a hound", "a red fox in snow");
        assertThat(summary()).isEqualTo("2 images");

        @SuppressWarnings("unchecked")
        Select<GalleryFilters.Requester> requester = _get(Select.class, spec -> spec.withLabel("Requested by"));
        _setValue(requester, requester.getListDataView().getItems().filter(r -> r.label().equals("Only mine")).findFirst().orElseThrow());
        assertThat(prompts()).containsExactly("a red fox in snow");

        _setValue(requester, requester.getListDataView().getItems().filter(r -> r.label().equals("Ben")).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<studio.imgen.gallery.GalleryFilterOptions.ModelOption> model = _get(Select.class, spec -> spec.withLabel("Model"));
        _setValue(model, model.getListDataView().getItems().filter(m -> m.id().equals("gpt-image-2")).findFirst().orElseThrow());
        assertThat(prompts()).isEmpty();
        _get(H2.class, spec -> spec.withText("No images match"));

        _click(_get(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("empty-state")), Button.class,
                spec -> spec.withText("Clear filters")));
        assertThat(prompts()).hasSize(3);
    }

    @Test
    void userTextIsRenderedAsTextOnly() {
        UUID id = fixtures.generation(acme, ana.id(), XSS, "gpt-image-2", T0, 1, false).first();
        login(ana);
        navigate("gallery");

        // The template binds it as text (${card.prompt}); the browser test proves no script runs.
        assertThat(view().grid().cardsOf(rows().get(0)).get(0).get("prompt").stringValue()).isEqualTo(XSS);

        open(id);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("image-detail-prompt")).getText()).isEqualTo(XSS);
    }

    @Test
    void detailShowsPromptParametersCostAndActions() {
        var seeded = fixtures.generation(acme, ben.id(), "a lighthouse at dusk", "gpt-image-2", T0, 2, false);
        login(ana);
        navigate("gallery");

        UUID shown = cards().get(0).imageId();
        open(shown);

        ImageDetailDialog dialog = _get(ImageDetailDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_get(dialog, Paragraph.class, spec -> spec.withClasses("image-detail-prompt")).getText())
                .isEqualTo("a lighthouse at dusk");
        assertThat(texts(dialog)).contains("Requested by Ben", "GPT Image 2", "High", "PNG", "12 in · 4,160 out",
                Money.format(133_180) + " for all 2 images");
        Anchor download = _get(dialog, Anchor.class, spec -> spec.withText("Download"));
        assertThat(download.getHref()).isEqualTo("img/" + shown + "/download");
        assertThat(download.getElement().hasAttribute("download")).isTrue();
        Anchor full = _get(dialog, Anchor.class, spec -> spec.withText("Open full size"));
        assertThat(full.getHref()).isEqualTo("img/" + shown);
        assertThat(full.getTarget()).contains("_blank");
        assertThat(_get(dialog, Image.class, spec -> spec.withClasses("image-detail-full")).getSrc()).isEqualTo("img/" + shown);
        assertThat(_get(dialog, Button.class, spec -> spec.withText("Edit this image")).isEnabled()).isTrue();
        _assertNone(dialog, Button.class, spec -> spec.withText("Delete"));
        assertThat(seeded.imageIds()).contains(shown);

        UUID sibling = seeded.imageIds().stream().filter(i -> !i.equals(shown)).findFirst().orElseThrow();
        int index = seeded.imageIds().indexOf(sibling);
        _click(_find(dialog, Button.class).stream()
                .filter(b -> b.getAriaLabel().filter(("Show image " + (index + 1))::equals).isPresent()).findFirst().orElseThrow());
        assertThat(_get(dialog, Anchor.class, spec -> spec.withText("Download")).getHref()).isEqualTo("img/" + sibling + "/download");
    }

    @Test
    void reuseSettingsOpensGenerateWithTheGenerationId() {
        var seeded = fixtures.generation(acme, ana.id(), "reuse me", "gpt-image-2", T0, 1, false);
        login(ana);
        navigate("gallery");
        open(seeded.first());

        _click(_get(Button.class, spec -> spec.withText("Reuse settings")));

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(GenerateView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("?reuse=" + seeded.generationId());
    }

    @Test
    void requesterDeletesAfterConfirming() {
        UUID mine = fixtures.generation(acme, ana.id(), "mine", "gpt-image-2", T0, 1, false).first();
        fixtures.generation(acme, ben.id(), "bens", "gpt-image-2", T0.plusSeconds(1), 1, false);
        login(ana);
        navigate("gallery");
        open(mine);

        _click(_get(Button.class, spec -> spec.withText("Delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(mine)).getDeletedAt()).isNull();

        _click(_get(Button.class, spec -> spec.withText("Delete")));
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).stream().filter(ConfirmDialog::isOpened).findFirst().orElseThrow());

        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(mine)).getDeletedAt()).isNotNull();
        assertThat(prompts()).containsExactly("bens");
        assertThat(summary()).isEqualTo("1 image");
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getTextRecursively()).isEqualTo("Image deleted."));
    }

    @Test
    void contextMenuActsOnTheRightClickedCardAndOffersDeleteOnlyWhenAllowed() {
        UUID bens = fixtures.generation(acme, ben.id(), "bens", "gpt-image-2", T0, 1, false).first();
        var mine = fixtures.generation(acme, ana.id(), "mine", "gpt-image-2", T0.plusSeconds(1), 1, false);
        login(ana);
        navigate("gallery");
        CardMenu menu = view().menu();
        assertThat(rows()).as("the rows the browser shows").hasSize(1);
        assertThat(menu.onBeforeOpenMenu(JsonNodeFactory.instance.objectNode())).as("no right-click yet").isFalse();
        rightClick(null);
        assertThat(menu.onBeforeOpenMenu(JsonNodeFactory.instance.objectNode())).as("not over a card").isFalse();

        rightClick(bens);
        assertThat(menu.onBeforeOpenMenu(JsonNodeFactory.instance.objectNode())).isTrue();
        assertThat(item(menu, "Delete").isEnabled()).isFalse();
        assertThat(item(menu, "Edit this image").isEnabled()).isTrue();
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption(menu, "Details");
        assertThat(_get(ImageDetailDialog.class).isOpened()).isTrue();
        _get(ImageDetailDialog.class).close();

        rightClick(mine.first());
        assertThat(menu.onBeforeOpenMenu(JsonNodeFactory.instance.objectNode())).isTrue();
        assertThat(item(menu, "Delete").isEnabled()).isTrue();
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption(menu, "Reuse settings");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("?reuse=" + mine.generationId());
    }

    @Test
    void aWorkspaceAdminMayDeleteAMembersImage() {
        UUID bens = fixtures.generation(acme, ben.id(), "bens", "gpt-image-2", T0, 1, false).first();
        TestUser dana = users.admin(acme, "Dana");
        login(dana);
        navigate("gallery");
        open(bens);

        _click(_get(Button.class, spec -> spec.withText("Delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(db.fetchOne(IMAGE, IMAGE.ID.eq(bens)).getDeletedBy()).isEqualTo(dana.id());
        _get(H2.class, spec -> spec.withText("No images yet — generate one"));
    }

    @Test
    void anotherWorkspacesImagesNeverShow() {
        UUID other = users.workspace("Other");
        TestUser eve = users.member(other, "Eve");
        fixtures.generation(other, eve.id(), "secret", "gpt-image-2", T0, 1, false);
        fixtures.generation(acme, ana.id(), "ours", "gpt-image-2", T0.minus(Duration.ofDays(1)), 1, false);
        login(ana);
        navigate("gallery");

        assertThat(prompts()).containsExactly("ours");
        @SuppressWarnings("unchecked")
        Select<GalleryFilters.Requester> requester = _get(Select.class, spec -> spec.withLabel("Requested by"));
        assertThat(requester.getListDataView().getItems().map(GalleryFilters.Requester::label))
                .containsExactly("Anyone", "Only mine", "Ben");
    }

    private static GalleryView view() {
        return _get(GalleryView.class);
    }

    private static List<GalleryRow> rows() {
        return VirtualListsKt._findAll(view().grid().list());
    }

    private static List<GalleryItem> cards() {
        return rows().stream().flatMap(row -> row.cards().stream()).toList();
    }

    private static GalleryItem card(UUID imageId) {
        return cards().stream().filter(c -> c.imageId().equals(imageId)).findFirst().orElseThrow();
    }

    /** What the browser's open(card.id) does. */
    private static void open(UUID imageId) {
        GalleryRow row = rows().stream().filter(r -> r.cards().stream().anyMatch(c -> c.imageId().equals(imageId)))
                .findFirst().orElseThrow();
        view().grid().openCard(row, imageId.toString());
    }

    /** A right-click, with the card the browser found under the pointer (null: empty space). */
    private static void rightClick(UUID imageId) {
        var element = view().grid().list().getElement();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put(GalleryGrid.CARD_UNDER_POINTER, imageId == null ? "" : imageId.toString());
        ElementUtilsKt._fireDomEvent(element, new DomEvent(element, "contextmenu", data));
    }

    private static MenuItem item(CardMenu menu, String text) {
        return menu.getItems().stream().filter(i -> i.getElement().getTextRecursively().startsWith(text)).findFirst().orElseThrow();
    }

    private static List<String> prompts() {
        return cards().stream().map(GalleryItem::promptExcerpt).toList();
    }

    private static String summary() {
        return _get(Span.class, spec -> spec.withClasses("gallery-summary")).getText();
    }

    private static List<String> texts(com.vaadin.flow.component.Component root) {
        return _find(root, Span.class).stream().map(Span::getText).toList();
    }
}
