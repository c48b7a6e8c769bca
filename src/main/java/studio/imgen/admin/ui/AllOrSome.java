package studio.imgen.admin.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import studio.imgen.access.Choice;
import studio.imgen.access.RuleDraft;

/**
 * A rule dimension's multi-select with an explicit "All" (imgen-behaviour.md §6; ImGen's form said "leave empty
 * for all" yet required a choice). Ticking All clears the concrete values; ticking a value clears All. The
 * selection goes to the service as is: All, nothing, or every value all mean "unrestricted".
 */
class AllOrSome extends CheckboxGroup<String> {

    AllOrSome(String label, String allLabel, List<Choice> choices) {
        super(label);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RuleDraft.ALL, allLabel);
        choices.forEach(c -> labels.put(c.value(), c.label()));
        setItems(new ArrayList<>(labels.keySet()));
        setItemLabelGenerator(labels::get);
        addClassName("all-or-some");
        addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            Set<String> now = e.getValue();
            boolean allAdded = now.contains(RuleDraft.ALL) && !e.getOldValue().contains(RuleDraft.ALL);
            if (allAdded) {
                setValue(Set.of(RuleDraft.ALL));
            } else if (now.contains(RuleDraft.ALL) && now.size() > 1) {
                Set<String> some = new HashSet<>(now);
                some.remove(RuleDraft.ALL);
                setValue(some);
            }
        });
    }

    /** Shows a stored rule dimension: empty means All. */
    void show(Set<String> values) {
        setValue(values.isEmpty() ? Set.of(RuleDraft.ALL) : values);
    }
}
