package studio.imgen.audit.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import studio.imgen.audit.AuditAction;
import studio.imgen.audit.AuditFilter;
import studio.imgen.audit.AuditFilterOptions;

/** The audit log's filters: any change (the search after a short pause in typing) applies at once. */
class AuditFiltersBar extends Div {

    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final ComboBox<AuditFilterOptions.Person> user = new ComboBox<>("User");
    private final Select<AuditAction> action = new Select<>();
    private final ComboBox<AuditFilterOptions.Model> model = new ComboBox<>("Model");
    private final Select<String> status = new Select<>();
    private final TextField search = new TextField("Search prompts");
    private final Consumer<AuditFilter> onChange;
    private boolean clearing;

    AuditFiltersBar(AuditFilterOptions options, Consumer<AuditFilter> onChange) {
        this.onChange = onChange;
        addClassName("audit-filters");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        user.setItems(options.users());
        user.setItemLabelGenerator(AuditFilterOptions.Person::name);
        user.setClearButtonVisible(true);
        user.setPlaceholder("Anyone");

        action.setLabel("Action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> a == null ? "Everything" : a.label());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Everything");

        model.setItems(options.models());
        model.setItemLabelGenerator(AuditFilterOptions.Model::label);
        model.setClearButtonVisible(true);
        model.setPlaceholder("Any model");

        status.setLabel("Status");
        status.setItems(AuditFilter.STATUSES);
        status.setItemLabelGenerator(s -> s == null ? "Any status" : AuditText.capitalised(s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");

        search.setPlaceholder("fox \"red scarf\" -night");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.addClassName("audit-search");

        Button clear = new Button("Clear filters", e -> clear());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        for (HasValue<?, ?> field : fields()) {
            field.addValueChangeListener(e -> changed());
        }
        add(from, to, user, action, model, status, search, clear);
    }

    AuditFilter filter() {
        return new AuditFilter(from.getValue(), to.getValue(), user.getValue() == null ? null : user.getValue().id(),
                action.getValue(), model.getValue() == null ? null : model.getValue().id(), status.getValue(),
                search.getValue(), null);
    }

    private List<HasValue<?, ?>> fields() {
        List<HasValue<?, ?>> fields = new ArrayList<>();
        fields.add(from);
        fields.add(to);
        fields.add(user);
        fields.add(action);
        fields.add(model);
        fields.add(status);
        fields.add(search);
        return fields;
    }

    private void changed() {
        if (!clearing) {
            onChange.accept(filter());
        }
    }

    private void clear() {
        clearing = true;
        try {
            fields().forEach(HasValue::clear);
        } finally {
            clearing = false;
        }
        changed();
    }
}
