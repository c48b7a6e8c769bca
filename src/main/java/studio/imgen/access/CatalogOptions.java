package studio.imgen.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.imgen.catalog.ImageModel;

/** The catalogue's models in the shapes the access policy and the rule summaries take. */
public final class CatalogOptions {

    private CatalogOptions() {
    }

    /** The offered models (with their capabilities) and the canonical size and quality lists. */
    public static OptionCatalog of(List<ImageModel> offered) {
        return OptionCatalog.of(offered.stream()
                .map(m -> new ModelChoice(m.id(), m.label(), Set.copyOf(m.sizes()), Set.copyOf(m.qualities()),
                        m.supportsCustomSizes()))
                .toList());
    }

    /** Model id to label in catalogue order, retired models included, so old rules still read well. */
    public static Map<String, String> labels(List<ImageModel> all) {
        Map<String, String> labels = new LinkedHashMap<>();
        all.forEach(m -> labels.put(m.id(), m.label()));
        return labels;
    }
}
