package studio.imgen.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The catalogue as the rest of the application reads it. Read on demand (a handful of rows), so an admin's edit or
 * a model's shutdown date takes effect at once on every instance.
 */
@Component
public class ModelCatalog {

    /** A replacement chain longer than this is a loop an admin made; it ends there. */
    private static final int MAX_REPLACEMENTS = 8;

    private final ModelCatalogRepository repository;
    private final ChatModelRepository chatModels;
    private final Clock clock;

    ModelCatalog(ModelCatalogRepository repository, ChatModelRepository chatModels, Clock clock) {
        this.repository = repository;
        this.chatModels = chatModels;
        this.clock = clock;
    }

    /** Every chat model in catalogue order, offered or not. */
    public List<ChatModel> chatModels() {
        return chatModels.findAll();
    }

    /** Chat models that can drive a conversation turn today: enabled, able to call the image tool, not shut down. */
    public List<ChatModel> offeredChatModels() {
        LocalDate today = today();
        return chatModels.findAll().stream().filter(m -> m.offeredOn(today)).toList();
    }

    public Optional<ChatModel> findChat(String id) {
        return chatModels.findAll().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The chat model a conversation turn sends instead of {@code id}: itself while offered, otherwise its replacement
     * (following the chain); empty when nothing offered replaces it, and then the turn becomes a direct edit.
     */
    public Optional<ChatModel> chatModelToSend(String id) {
        LocalDate today = today();
        return successor(id, this::findChat, m -> m.offeredOn(today), ChatModel::replacement);
    }

    /** The image model that replaces {@code id} for members today: the first offered one along its chain. */
    public Optional<ImageModel> imageModelReplacing(String id, Predicate<ImageModel> usable) {
        LocalDate today = today();
        return find(id).map(ImageModel::replacement)
                .flatMap(r -> successor(r, this::find, m -> m.offeredOn(today) && usable.test(m), ImageModel::replacement));
    }

    private static <T> Optional<T> successor(String id, Function<String, Optional<T>> find,
                                             Predicate<T> offered,
                                             Function<T, String> replacement) {
        String next = id;
        for (int hop = 0; hop <= MAX_REPLACEMENTS && next != null; hop++) {
            Optional<T> model = find.apply(next);
            if (model.isEmpty()) {
                return Optional.empty();
            }
            if (offered.test(model.get())) {
                return model;
            }
            next = replacement.apply(model.get());
        }
        return Optional.empty();
    }

    public List<ImageModel> all() {
        return repository.findAll();
    }

    /** Enabled, not shut down, in catalogue order. */
    public List<ImageModel> offered() {
        LocalDate today = today();
        return repository.findAll().stream().filter(m -> m.offeredOn(today)).toList();
    }

    public Optional<ImageModel> find(String id) {
        return repository.findAll().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The catalogue's default if it is offered, otherwise the first offered model. */
    public Optional<ImageModel> defaultModel() {
        List<ImageModel> offered = offered();
        return offered.stream().filter(ImageModel::isDefault).findFirst().or(() -> offered.stream().findFirst());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Exact cost in micro-dollars of a call's usage at the model's rates. */
    public static long cost(ImageModel model, long textIn, long imageIn, long imageOut, long textOut) {
        return CostCalculator.cost(model.prices(), textIn, imageIn, imageOut, textOut);
    }
}
