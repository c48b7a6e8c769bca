package studio.imgen.testsupport;

import static imgen.db.Tables.IMAGE_MODEL;

import java.util.List;
import org.jooq.DSLContext;
import imgen.db.tables.records.ImageModelRecord;

/** The catalogue is instance-wide and the test database shared: tests that edit it put it back as they found it. */
public record CatalogSnapshot(DSLContext db, List<ImageModelRecord> rows) {

    public static CatalogSnapshot take(DSLContext db) {
        return new CatalogSnapshot(db, db.selectFrom(IMAGE_MODEL).fetch());
    }

    public void restore() {
        db.deleteFrom(IMAGE_MODEL).where(IMAGE_MODEL.ID.notIn(rows.stream().map(ImageModelRecord::getId).toList()))
                .execute();
        rows.forEach(row -> {
            row.changed(true);
            row.changed(IMAGE_MODEL.ID, false);
            db.executeUpdate(row);
        });
    }
}
