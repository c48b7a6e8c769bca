package studio.imgen.catalog;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;

/**
 * Writes to the instance-wide catalogue after validating the entry. For the admin module's service, which checks
 * that the caller is an instance admin and audits the change; not for views. There is no cache to invalidate:
 * {@link ModelCatalog} reads the table on every call, so every instance sees a change with its next read.
 */
@Component
public class ModelCatalogEditor {

    private final ModelCatalogRepository repository;
    private final ChatModelRepository chatModels;

    ModelCatalogEditor(ModelCatalogRepository repository, ChatModelRepository chatModels) {
        this.repository = repository;
        this.chatModels = chatModels;
    }

    /** Adds a chat model at the end of the catalogue order. */
    public ChatModel addChat(ChatModelDraft draft) {
        String id = ModelRules.chatModelId(draft.id());
        Set<String> known = knownChatIds();
        if (known.contains(id)) {
            throw new UserInputException("The catalogue already has a chat model “" + id + "”. Edit that one instead.");
        }
        chatModels.insert(ModelRules.validateChat(draft, id, 0, false, known));
        return findChat(id).orElseThrow();
    }

    public ChatModel updateChat(ChatModel current, ChatModelDraft draft) {
        ChatModel model = ModelRules.validateChat(draft, current.id(), current.sortOrder(), current.isDefault(),
                knownChatIds());
        if (!chatModels.update(model)) {
            throw new UserInputException("That chat model is no longer in the catalogue.");
        }
        return findChat(current.id()).orElseThrow();
    }

    public Optional<ChatModel> findChat(String id) {
        return chatModels.findAll().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private Set<String> knownChatIds() {
        return chatModels.findAll().stream().map(ChatModel::id).collect(Collectors.toSet());
    }

    /** Adds a model (at the end of the catalogue order, not the default). */
    public ImageModel add(ModelDraft draft) {
        String id = ModelRules.modelId(draft.id());
        Set<String> known = knownIds();
        if (known.contains(id)) {
            throw new UserInputException("The catalogue already has a model “" + id + "”. Edit that one instead.");
        }
        ImageModel model = ModelRules.validate(draft, id, 0, false, known);
        repository.insert(model);
        return find(id).orElseThrow();
    }

    /** Replaces everything editable of an existing model (its id, order and default flag stay). */
    public ImageModel update(ImageModel current, ModelDraft draft) {
        ImageModel model = ModelRules.validate(draft, current.id(), current.sortOrder(), current.isDefault(), knownIds());
        if (!repository.update(model)) {
            throw new UserInputException("That model is no longer in the catalogue.");
        }
        return find(current.id()).orElseThrow();
    }

    public Optional<ImageModel> find(String id) {
        return repository.findAll().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private Set<String> knownIds() {
        return repository.findAll().stream().map(ImageModel::id).collect(Collectors.toSet());
    }
}
