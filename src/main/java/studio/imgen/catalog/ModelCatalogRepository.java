package studio.imgen.catalog;

import static imgen.db.Tables.IMAGE_MODEL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.ImageModelRecord;

@Repository
class ModelCatalogRepository {

    private final DSLContext db;
    private final Clock clock;

    ModelCatalogRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<ImageModel> findAll() {
        return db.selectFrom(IMAGE_MODEL).orderBy(IMAGE_MODEL.SORT_ORDER, IMAGE_MODEL.ID).fetch(ModelCatalogRepository::toModel);
    }

    /** Inserts a new model at the end of the catalogue order. */
    void insert(ImageModel m) {
        Integer last = db.select(DSL.max(IMAGE_MODEL.SORT_ORDER)).from(IMAGE_MODEL).fetchOne(0, Integer.class);
        ImageModelRecord r = db.newRecord(IMAGE_MODEL);
        r.setId(m.id());
        r.setSortOrder(last == null ? 10 : last + 10);
        r.setIsDefault(false);
        copy(m, r);
        r.insert();
    }

    /** Updates everything an admin edits (not the id, order or default flag); false if the model does not exist. */
    boolean update(ImageModel m) {
        ImageModelRecord r = db.selectFrom(IMAGE_MODEL).where(IMAGE_MODEL.ID.eq(m.id())).forUpdate().fetchOne();
        if (r == null) {
            return false;
        }
        copy(m, r);
        r.setUpdatedAt(OffsetDateTime.now(clock));
        r.update();
        return true;
    }

    private static void copy(ImageModel m, ImageModelRecord r) {
        r.setLabel(m.label());
        r.setEnabled(m.enabled());
        r.setSizes(m.sizes().toArray(String[]::new));
        r.setQualities(m.qualities().toArray(String[]::new));
        r.setSupportsTransparent(m.supportsTransparent());
        r.setMaxReferenceImages(m.maxReferenceImages());
        r.setSupportsMask(m.supportsMask());
        r.setSupportsInputFidelity(m.supportsInputFidelity());
        r.setSupportsStreaming(m.supportsStreaming());
        r.setMaxImages(m.maxImages());
        r.setPriceTextIn(m.prices().textInPerMillion());
        r.setPriceTextInCached(m.prices().textInCachedPerMillion());
        r.setPriceImageIn(m.prices().imageInPerMillion());
        r.setPriceImageInCached(m.prices().imageInCachedPerMillion());
        r.setPriceImageOut(m.prices().imageOutPerMillion());
        r.setPriceTextOut(m.prices().textOutPerMillion());
        r.setDeprecatedFrom(m.deprecatedFrom());
        r.setShutdownOn(m.shutdownOn());
        r.setReplacement(m.replacement());
        r.setRatesEstimated(m.ratesEstimated());
        r.setSupportsCustomSizes(m.supportsCustomSizes());
    }

    private static ImageModel toModel(ImageModelRecord r) {
        return new ImageModel(r.getId(), r.getLabel(), r.getSortOrder(), r.getEnabled(), r.getIsDefault(),
                Arrays.asList(r.getSizes()), Arrays.asList(r.getQualities()), r.getSupportsTransparent(),
                r.getMaxReferenceImages(), r.getSupportsMask(), r.getSupportsInputFidelity(), r.getMaxImages(),
                new TokenPrices(r.getPriceTextIn(), r.getPriceImageIn(), r.getPriceImageOut(), r.getPriceTextOut(),
                        r.getPriceTextInCached(), r.getPriceImageInCached()),
                r.getDeprecatedFrom(), r.getShutdownOn(), r.getReplacement(), r.getSupportsStreaming(),
                r.getRatesEstimated(), r.getSupportsCustomSizes());
    }
}
