package studio.imgen.catalog;


/**
 * A model as the catalogue editor lists it.
 *
 * @param lifecycle "Available", "Retiring on 1 December 2026" or "Shut down"
 * @param offered whether members can choose it today (enabled and not shut down)
 */
public record CatalogEntry(ImageModel model, String lifecycle, boolean offered) {
}
