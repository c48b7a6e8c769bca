package studio.imgen.gallery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import studio.imgen.gallery.GalleryFilter;
import studio.imgen.gallery.GalleryFilterOptions;
import studio.imgen.gallery.GalleryFilterOptions.ModelOption;

/**
 * The gallery's filter bar: prompt search (sent once typing pauses), model, who requested it ("Only mine" or a
 * member) and a date range in the member's time zone. Tells the view once per change, also after "Clear filters".
 */
class GalleryFilters extends Div {

    /** A "Requested by" choice; a null id means anyone. */
    record Requester(UUID id, String label) {
    }

    static final int SEARCH_PAUSE_MS = 350;

    private final TextField search = new TextField("Search prompts");
    private final Select<ModelOption> model = new Select<>();
    private final Select<Requester> requester = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());
    private final Requester anyone = new Requester(null, "Anyone");
    private final Runnable onChange;
    private boolean clearing;

    GalleryFilters(GalleryFilterOptions options, Runnable onChange) {
        this.onChange = onChange;
        addClassName("gallery-filters");

        search.setPlaceholder("Words from the prompt");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(SEARCH_PAUSE_MS);
        search.setMaxLength(500);
        search.addClassName("gallery-search");

        model.setLabel("Model");
        model.setItems(options.models());
        model.setItemLabelGenerator(m -> m == null ? "All models" : m.label());
        model.setEmptySelectionAllowed(true);
        model.setEmptySelectionCaption("All models");

        List<Requester> people = new ArrayList<>(List.of(anyone, new Requester(options.me(), "Only mine")));
        options.members().stream().filter(m -> !m.id().equals(options.me()))
                .forEach(m -> people.add(new Requester(m.id(), m.displayName())));
        requester.setLabel("Requested by");
        requester.setItems(people);
        requester.setItemLabelGenerator(Requester::label);
        requester.setValue(anyone);

        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> clearAll());
        clear.setVisible(false);

        search.addValueChangeListener(e -> changed());
        model.addValueChangeListener(e -> changed());
        requester.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        add(search, model, requester, from, to, clear);
    }

    /** The filter as the service takes it; day boundaries in the member's zone, "To" inclusive. */
    GalleryFilter value(Times times) {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        return new GalleryFilter(search.getValue(), model.getValue() == null ? null : model.getValue().id(),
                requester.getValue() == null ? null : requester.getValue().id(),
                first == null ? null : times.startOf(first), last == null ? null : times.startOf(last.plusDays(1)));
    }

    boolean active() {
        return !search.getValue().isBlank() || model.getValue() != null
                || !Objects.equals(requester.getValue(), anyone) || from.getValue() != null || to.getValue() != null;
    }

    void clearAll() {
        clearing = true;
        try {
            search.clear();
            model.clear();
            requester.setValue(anyone);
            from.clear();
            to.clear();
        } finally {
            clearing = false;
        }
        changed();
    }

    private void changed() {
        if (clearing) {
            return;
        }
        clear.setVisible(active());
        onChange.run();
    }
}
