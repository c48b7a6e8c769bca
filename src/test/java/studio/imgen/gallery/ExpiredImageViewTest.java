package studio.imgen.gallery;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static studio.imgen.testsupport.FieldInput._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.audit.AuditRow;
import studio.imgen.base.ui.ExpiredImage;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.KaribuTest;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Retention in the views: the admin's setting, and the audit log showing "Image expired" instead of a broken image. */
class ExpiredImageViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;
    @Autowired
    RetentionSettings retention;
    @Autowired
    RetentionJob job;

    @Test
    void anAdminSetsTheRetentionInSettings() {
        TestUser dana = users.admin(users.workspace("Acme"), "Dana");
        login(dana);
        navigate("admin");
        IntegerField days = _get(IntegerField.class, spec -> spec.withLabel("Delete images older than"));
        assertThat(days.getValue()).isZero();

        _setValue(days, 30);
        _click(_get(Button.class, spec -> spec.withText("Save retention")));

        assertThat(retention.days()).isEqualTo(30);
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("Delete images older than")).getValue())
                .isEqualTo(30);
    }

    @Test
    void theAuditEntryOfExpiredImagesShowsAPlaceholder() {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        UUID old = new GalleryFixtures(db, store).generation(acme, dana.id(), "old", "gpt-image-2",
                clock.instant().minus(Duration.ofDays(10)), 1, true).first();
        login(dana);
        retention.setDays(7);
        job.runOnce();

        navigate("audit");
        @SuppressWarnings("unchecked")
        Grid<AuditRow> grid = _get(Grid.class, spec -> spec.withClasses("audit-grid"));
        AuditRow expiredRow = GridKt._get(grid, 0);
        assertThat(expiredRow.imageIds()).containsExactly(old);
        grid.asSingleSelect().setValue(expiredRow);

        ExpiredImage placeholder = _get(ExpiredImage.class);
        assertThat(placeholder.getElement().getAttribute("aria-label")).isEqualTo("Image expired (retention 7 days)");
        assertThat(_find(Image.class, spec -> spec.withClasses("audit-image"))).isEmpty();
    }
}
