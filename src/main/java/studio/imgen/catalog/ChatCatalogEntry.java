package studio.imgen.catalog;


/**
 * A chat model as the catalogue editor lists it.
 *
 * @param offered whether admins can choose it for conversations today
 */
public record ChatCatalogEntry(ChatModel model, String lifecycle, boolean offered) {
}
