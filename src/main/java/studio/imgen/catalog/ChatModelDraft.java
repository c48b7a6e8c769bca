package studio.imgen.catalog;

import java.time.LocalDate;

/** A chat model as an instance admin edits it, before {@link ModelCatalogEditor} validates it. */
public record ChatModelDraft(String id, String label, boolean enabled, boolean supportsImageTool,
                             LocalDate deprecatedFrom, LocalDate shutdownOn, String replacement) {

    public static ChatModelDraft of(ChatModel m) {
        return new ChatModelDraft(m.id(), m.label(), m.enabled(), m.supportsImageTool(), m.deprecatedFrom(),
                m.shutdownOn(), m.replacement());
    }

    public static ChatModelDraft blank() {
        return new ChatModelDraft("", "", true, true, null, null, null);
    }
}
