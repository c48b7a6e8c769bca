package studio.imgen.catalog;

import studio.imgen.workspace.AdminActionPerformed;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Editing the model catalogue, which every workspace shares: instance admins only (the session's role is a coarse
 * gate, {@link WorkspaceAccess#requireInstanceAdmin()} re-reads the right from the database). Each change is audited
 * in the actor's active workspace, the only workspace an instance-wide change can be attributed to, with the changed
 * fields before and after. Changes apply on every instance with their next catalogue read (no cache).
 */
@Service
public class ModelCatalogService {

    private final WorkspaceAccess access;
    private final ModelCatalog catalog;
    private final ModelCatalogEditor editor;
    private final ModelAvailability availability;
    private final ApplicationEventPublisher events;

    ModelCatalogService(WorkspaceAccess access, ModelCatalog catalog, ModelCatalogEditor editor,
                          ModelAvailability availability, ApplicationEventPublisher events) {
        this.access = access;
        this.catalog = catalog;
        this.editor = editor;
        this.availability = availability;
        this.events = events;
    }

    /** Every chat model in catalogue order, offered or not. */
    @RolesAllowed("INSTANCE_ADMIN")
    public List<ChatCatalogEntry> chatModels() {
        access.requireInstanceAdmin();
        LocalDate today = catalog.today();
        return catalog.chatModels().stream()
                .map(m -> new ChatCatalogEntry(m, m.lifecycle(today), m.offeredOn(today))).toList();
    }

    /** Image-model ids that workspaces' keys list and the catalogue lacks. */
    @RolesAllowed("INSTANCE_ADMIN")
    public List<SeenModel> uncataloguedModels() {
        access.requireInstanceAdmin();
        return availability.uncatalogued();
    }

    /**
     * Adds an id seen through a workspace's key with conservative capabilities (one image, standard sizes, no
     * references, transparency, mask or streaming) and the catalogue default's rates marked estimated, until an
     * instance admin enters what OpenAI documents.
     */
    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public String addSeen(String id) {
        access.requireInstanceAdmin();
        if (availability.uncatalogued().stream().noneMatch(s -> s.id().equals(id))) {
            throw new UserInputException("No workspace's key lists “" + id + "” any more, or it is already in the"
                    + " catalogue. Reload the page.");
        }
        TokenPrices rates = catalog.defaultModel().map(ImageModel::prices).orElseThrow(() -> new UserInputException(
                "Add a model by hand first: the catalogue has no model to copy estimated rates from."));
        add(new ModelDraft(id, id, true, List.of("auto", "1024x1024", "1536x1024", "1024x1536"),
                List.of("auto", "low", "medium", "high"), 1, 0, false, false, false, false,
                rates.textInPerMillion(), rates.textInCachedPerMillion(), rates.imageInPerMillion(),
                rates.imageInCachedPerMillion(), rates.imageOutPerMillion(), rates.textOutPerMillion(), null, null,
                null, true, false));
        return "Added " + id + " with conservative capabilities and estimated rates. Edit it to enter what OpenAI"
                + " documents for it.";
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public Notice addChat(ChatModelDraft draft) {
        Member me = access.requireInstanceAdmin();
        ChatModel added = editor.addChat(draft);
        publish(me, "catalog.chat_model_added", added.id(), "", join(chatFields(added)));
        return Notice.success("Added " + added.label() + " (" + added.id() + ") to the chat models"
                + (added.offeredOn(catalog.today()) ? ". Admins can choose it for conversations now." : ", not offered."));
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public Notice updateChat(ChatModelDraft draft) {
        Member me = access.requireInstanceAdmin();
        ChatModel before = catalog.findChat(draft.id() == null ? "" : draft.id().strip())
                .orElseThrow(() -> new UserInputException("That chat model is not in the catalogue."));
        ChatModel after = editor.updateChat(before, draft);
        if (before.offeredOn(catalog.today()) && !after.offeredOn(catalog.today())
                && catalog.offeredChatModels().isEmpty()) {
            throw new UserInputException(before.label() + " is the only chat model offered, so conversation turns"
                    + " would have none. Offer another chat model first.");
        }
        Map<String, String> was = chatFields(before);
        Map<String, String> now = chatFields(after);
        List<String> changed = now.keySet().stream().filter(k -> !Objects.equals(was.get(k), now.get(k))).toList();
        if (changed.isEmpty()) {
            return Notice.info("No changes to " + after.label() + ".");
        }
        publish(me, "catalog.chat_model_updated", after.id(), join(was, changed), join(now, changed));
        return Notice.success("Updated " + after.label() + ": " + String.join(", ", changed) + ".");
    }

    static Map<String, String> chatFields(ChatModel m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("label", m.label());
        f.put("enabled", yesNo(m.enabled()));
        f.put("image tool", yesNo(m.supportsImageTool()));
        f.put("deprecated from", m.deprecatedFrom() == null ? "none" : m.deprecatedFrom().toString());
        f.put("shutdown on", m.shutdownOn() == null ? "none" : m.shutdownOn().toString());
        f.put("replacement", m.replacement() == null ? "none" : m.replacement());
        return f;
    }

    /** Every model in catalogue order, offered or not. */
    @RolesAllowed("INSTANCE_ADMIN")
    public List<CatalogEntry> models() {
        access.requireInstanceAdmin();
        LocalDate today = catalog.today();
        return catalog.all().stream().map(m -> new CatalogEntry(m, m.lifecycle(today), m.offeredOn(today))).toList();
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public Notice add(ModelDraft draft) {
        Member me = access.requireInstanceAdmin();
        ImageModel added = editor.add(draft);
        publish(me, "catalog.model_added", added.id(), "", join(fields(added)));
        return Notice.success("Added " + added.label() + " (" + added.id() + ") to the catalogue"
                + (added.offeredOn(catalog.today()) ? ". Members can choose it now." : ", not offered yet."));
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public Notice update(ModelDraft draft) {
        Member me = access.requireInstanceAdmin();
        ImageModel before = current(draft.id());
        if (before.offeredOn(catalog.today()) && !draft.enabled()) {
            requireAnotherOffered(before);
        }
        ImageModel after = editor.update(before, draft);
        Map<String, String> was = fields(before);
        Map<String, String> now = fields(after);
        List<String> changed = now.keySet().stream().filter(k -> !Objects.equals(was.get(k), now.get(k))).toList();
        if (changed.isEmpty()) {
            return Notice.info("No changes to " + after.label() + ".");
        }
        publish(me, "catalog.model_updated", after.id(), join(was, changed), join(now, changed));
        return Notice.success("Updated " + after.label() + ": " + String.join(", ", changed) + ".");
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public String setEnabled(String id, boolean enabled) {
        Member me = access.requireInstanceAdmin();
        ImageModel before = current(id);
        if (before.enabled() == enabled) {
            return before.label() + (enabled ? " is already enabled." : " is already disabled.");
        }
        if (!enabled && before.offeredOn(catalog.today())) {
            requireAnotherOffered(before);
        }
        ImageModel after = editor.update(before, ModelDraft.of(before).withEnabled(enabled));
        publish(me, enabled ? "catalog.model_enabled" : "catalog.model_disabled", id,
                enabled ? "disabled" : "enabled", enabled ? "enabled" : "disabled");
        if (!enabled) {
            return "Disabled " + after.label() + ". It is no longer offered, and new requests for it are refused.";
        }
        return after.offeredOn(catalog.today()) ? "Enabled " + after.label() + ". Members can choose it now."
                : "Enabled " + after.label() + ", but it is shut down, so it is still not offered.";
    }

    private ImageModel current(String id) {
        if (id == null || id.isBlank()) {
            throw new UserInputException("Choose a model.");
        }
        return catalog.find(id.strip()).orElseThrow(() -> new UserInputException("That model is not in the catalogue."));
    }

    /** Members must always have something to choose. */
    private void requireAnotherOffered(ImageModel model) {
        LocalDate today = catalog.today();
        if (catalog.all().stream().noneMatch(m -> !m.id().equals(model.id()) && m.offeredOn(today))) {
            throw new UserInputException(model.label() + " is the only model offered, so disabling it would stop every"
                    + " generation. Enable another model first.");
        }
    }

    /** Readable "field: value" pairs, in form order, for audit texts. */
    static Map<String, String> fields(ImageModel m) {
        TokenPrices p = m.prices();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("label", m.label());
        f.put("enabled", m.enabled() ? "yes" : "no");
        f.put("sizes", String.join(" ", m.sizes()));
        f.put("qualities", String.join(" ", m.qualities()));
        f.put("max images", String.valueOf(m.maxImages()));
        f.put("max reference images", String.valueOf(m.maxReferenceImages()));
        f.put("transparent background", yesNo(m.supportsTransparent()));
        f.put("input fidelity", yesNo(m.supportsInputFidelity()));
        f.put("mask", yesNo(m.supportsMask()));
        f.put("streaming", yesNo(m.supportsStreaming()));
        f.put("custom sizes", yesNo(m.supportsCustomSizes()));
        f.put("rates", m.ratesEstimated() ? "estimated" : "published");
        f.put("text input $/M", rate(p.textInPerMillion()));
        f.put("cached text input $/M", rate(p.textInCachedPerMillion()));
        f.put("image input $/M", rate(p.imageInPerMillion()));
        f.put("cached image input $/M", rate(p.imageInCachedPerMillion()));
        f.put("image output $/M", rate(p.imageOutPerMillion()));
        f.put("text output $/M", rate(p.textOutPerMillion()));
        f.put("deprecated from", m.deprecatedFrom() == null ? "none" : m.deprecatedFrom().toString());
        f.put("shutdown on", m.shutdownOn() == null ? "none" : m.shutdownOn().toString());
        f.put("replacement", m.replacement() == null ? "none" : m.replacement());
        return f;
    }

    private static String join(Map<String, String> fields) {
        return join(fields, List.copyOf(fields.keySet()));
    }

    private static String join(Map<String, String> fields, List<String> keys) {
        return keys.stream().map(k -> k + ": " + fields.get(k)).collect(Collectors.joining("; "));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String rate(BigDecimal rate) {
        return rate.stripTrailingZeros().scale() <= 2 ? rate.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : rate.stripTrailingZeros().toPlainString();
    }

    private void publish(Member me, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), action, target, before, after));
    }
}
