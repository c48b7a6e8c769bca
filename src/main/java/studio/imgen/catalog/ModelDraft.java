package studio.imgen.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A catalogue entry as an admin edits it: values straight from the form, possibly missing or wrong.
 * {@link ModelCatalogEditor} validates it into an {@link ImageModel}. Prices are USD per million tokens.
 */
public record ModelDraft(String id, String label, boolean enabled, List<String> sizes, List<String> qualities,
                         Integer maxImages, Integer maxReferenceImages, boolean supportsTransparent,
                         boolean supportsInputFidelity, boolean supportsMask, boolean supportsStreaming,
                         BigDecimal textIn, BigDecimal textInCached, BigDecimal imageIn, BigDecimal imageInCached,
                         BigDecimal imageOut, BigDecimal textOut, LocalDate deprecatedFrom, LocalDate shutdownOn,
                         String replacement, boolean ratesEstimated, boolean supportsCustomSizes) {

    public ModelDraft {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        qualities = qualities == null ? List.of() : List.copyOf(qualities);
    }

    public ModelDraft withEnabled(boolean on) {
        return new ModelDraft(id, label, on, sizes, qualities, maxImages, maxReferenceImages, supportsTransparent,
                supportsInputFidelity, supportsMask, supportsStreaming, textIn, textInCached, imageIn, imageInCached,
                imageOut, textOut, deprecatedFrom, shutdownOn, replacement, ratesEstimated, supportsCustomSizes);
    }

    /** The current values of a model, to start an edit from. */
    public static ModelDraft of(ImageModel m) {
        TokenPrices p = m.prices();
        return new ModelDraft(m.id(), m.label(), m.enabled(), m.sizes(), m.qualities(), m.maxImages(),
                m.maxReferenceImages(), m.supportsTransparent(), m.supportsInputFidelity(), m.supportsMask(),
                m.supportsStreaming(), p.textInPerMillion(), p.textInCachedPerMillion(), p.imageInPerMillion(),
                p.imageInCachedPerMillion(), p.imageOutPerMillion(), p.textOutPerMillion(), m.deprecatedFrom(),
                m.shutdownOn(), m.replacement(), m.ratesEstimated(), m.supportsCustomSizes());
    }

    /**
     * A blank entry for a new model, with the capabilities most GPT image models share. Its rates start as an
     * estimate until an admin enters OpenAI's published ones.
     */
    public static ModelDraft blank() {
        return new ModelDraft("", "", true, List.of("auto", "1024x1024", "1536x1024", "1024x1536"),
                List.of("auto", "low", "medium", "high"), 10, 16, true, true, true, true, null, null, null, null,
                null, null, null, null, null, true, false);
    }
}
