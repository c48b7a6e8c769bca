/** The model catalogue: model ids, capabilities, prices and lifecycle, and cost from usage. */
package studio.imgen.catalog;
