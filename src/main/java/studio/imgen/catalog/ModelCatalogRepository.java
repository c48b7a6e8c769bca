package studio.imgen.catalog;

import static studio.imgen.db.Tables.IMAGE_MODEL;

import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import studio.imgen.db.tables.records.ImageModelRecord;

@Repository
class ModelCatalogRepository {

    private final DSLContext db;

    ModelCatalogRepository(DSLContext db) {
        this.db = db;
    }

    List<ImageModel> findAll() {
        return db.selectFrom(IMAGE_MODEL).orderBy(IMAGE_MODEL.SORT_ORDER, IMAGE_MODEL.ID).fetch(ModelCatalogRepository::toModel);
    }

    private static ImageModel toModel(ImageModelRecord r) {
        return new ImageModel(r.getId(), r.getLabel(), r.getSortOrder(), r.getEnabled(), r.getIsDefault(),
                Arrays.asList(r.getSizes()), Arrays.asList(r.getQualities()), r.getSupportsTransparent(),
                r.getMaxReferenceImages(), r.getSupportsMask(), r.getSupportsInputFidelity(), r.getMaxImages(),
                new TokenPrices(r.getPriceTextIn(), r.getPriceImageIn(), r.getPriceImageOut(), r.getPriceTextOut()),
                r.getDeprecatedFrom(), r.getShutdownOn(), r.getReplacement());
    }
}
