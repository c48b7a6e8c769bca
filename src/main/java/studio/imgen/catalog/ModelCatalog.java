package studio.imgen.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catalogue as the rest of the application reads it. Read on demand (a handful of rows), so an admin's edit or
 * a model's shutdown date takes effect at once on every instance.
 */
@Component
public class ModelCatalog {

    private final ModelCatalogRepository repository;
    private final Clock clock;

    ModelCatalog(ModelCatalogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
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
